import GRDB
import RegistreCore

extension JournalVerification {
    /// The kept findings (`finding`, migration v8) judged again from the entries and compared entry by
    /// entry: the chain proves the fields, not what is derived from them, so a row deleted or changed with
    /// the sqlite3 shell would hide a gap from the dashboard while everything else verifies. A database of
    /// an older schema, read as it is, has no such table and nothing to compare.
    ///
    /// An entry whose fields cannot be read back is the tables pass's to name: the findings cannot be
    /// judged without it (a party: none are; an activity: the activities after it are not).
    ///
    /// Findings judged by other rules than this registre's (``KeptFindingRules``) are not compared: they
    /// are judged again when the database is next opened for writing, and differ by design until then.
    mutating func checkFindings(_ db: Database) throws {
        guard try db.tableExists("finding"), try KeptFindingRules.stored(db) == KeptFindingRules.version,
              let parties = try? FindingKeeper.parties(db) else { return }
        let expected = KeptFinding.rows(ofParties: parties)
        for entry in parties.entries {
            try compareFindings(of: entry.key, expected[entry.key] ?? [], db)
        }
        try? StoredEntryCursor.within(db, RegisterStore.queries([.activity]), explain: { $0 }) { cursor in
            while let entry = try cursor.next() {
                guard case .activity(let activity) = entry else { continue }
                try compareFindings(of: entry.key, KeptFinding.rows(of: activity, amongParties: parties), db)
            }
        }
        try? StoredEntryCursor.within(db, RegisterStore.queries([.request]), explain: { $0 }) { cursor in
            while let entry = try cursor.next() {
                guard case .request(let request) = entry else { continue }
                try compareFindings(of: entry.key, KeptFinding.rows(of: request, amongParties: parties), db)
            }
        }
        let orphans = try Row.fetchAll(db, sql: """
            SELECT DISTINCT kind, id FROM finding
            WHERE NOT EXISTS (SELECT 1 FROM entity WHERE entity.kind = finding.kind AND entity.id = finding.id)
            ORDER BY kind, id
            """)
        for row in orphans {
            let name = "\(row["kind"] as String):\(row["id"] as String)"
            report(LocalizedText(
                fr: "constats gardés : \(name) n'est pas dans le registre mais a des constats dans la table finding",
                en: "kept findings: \(name) is not in the register but has findings in the table finding"))
        }
    }

    private mutating func compareFindings(of key: EntityKey, _ expected: [KeptFinding], _ db: Database) throws {
        let stored = try KeptFinding.stored(key, db)
        guard stored != expected.sorted() else { return }
        let missing = expected.count - Set(expected).intersection(stored).count
        report(LocalizedText(
            fr: "constats gardés de \(key) : la table finding en a \(stored.count), les champs en donnent \(expected.count) (\(missing) manquent ou diffèrent) : changée hors de registre",
            en: "kept findings of \(key): the table finding holds \(stored.count), its fields give \(expected.count) (\(missing) missing or different): changed outside registre"))
    }
}
