import GRDB

/// Which rules judged the kept findings. The table `finding` is derived from the entries by the rules of
/// `check`; when a new registre finds differently for the same entries (a rule added, removed or made to
/// fire otherwise), the findings a database keeps are those of the old rules, and comparing them with the
/// new ones would name as "changed outside registre" what only the rules changed.
///
/// So the database records the version of the rules that judged its findings (`finding_rules`, migration
/// v8); a database opened for writing by a registre of other rules has every entry judged again, in one
/// write transaction, before anything else is done; `verify` compares the kept findings only when they
/// were judged by its own rules.
enum KeptFindingRules {
    /// The version of the rules whose findings are kept. It must change whenever `check` finds differently
    /// for the same entries: a test pins it to a digest of the kept findings of the samples and generated
    /// registers, and fails until the version is increased and the new digest pinned under it.
    static let version = 1

    /// The version that judged the database's kept findings; nil when it keeps none (an older schema).
    static func stored(_ db: Database) throws -> Int? {
        guard try db.tableExists("finding_rules") else { return nil }
        return try Int.fetchOne(db, sql: "SELECT version FROM finding_rules")
    }

    /// Records that the kept findings are this registre's.
    static func stamp(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM finding_rules")
        try db.execute(sql: "INSERT INTO finding_rules (version) VALUES (?)", arguments: [version])
    }

    /// Every entry judged again, in one write transaction, when the kept findings are not this registre's
    /// (two commands opening the database at once: the second finds them judged).
    static func bringUpToDate(_ queue: DatabaseQueue) throws {
        try queue.inTransaction(.immediate) { db in
            guard try db.tableExists("finding_rules"), try stored(db) != version else { return .commit }
            try FindingKeeper.judgeEverything(db)
            try stamp(db)
            return .commit
        }
    }
}
