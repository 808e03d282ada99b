import GRDB
import RegistreCore

/// The kept findings (`finding`, migration v8) as `verify` judges them again: the chain proves the fields,
/// not what is derived from them, so a row deleted or changed with the sqlite3 shell would hide a gap from
/// the dashboard while everything else verifies. A database of an older schema, read as it is, has no
/// such table and nothing to compare.
///
/// The parties (every entry but the activities and the requests) are read whole first, as the rules read
/// them. An activity or a request is judged in the tables pass, from the entry that pass has just decoded
/// from its fields (``JournalVerification``): decoding every activity a second time was most of what
/// judging them cost.
///
/// Findings judged by other rules than this registre's (``KeptFindingRules``) are not compared: they are
/// judged again when the database is next opened for writing, and differ by design until then.
struct KeptFindingsCheck {
    /// Every entry but the activities and the requests, as the rules read them.
    let parties: Register

    /// The check of a database that keeps findings judged by these rules, with parties that can be read;
    /// nil otherwise (an entry whose fields cannot be read back is the tables pass's to name: the findings
    /// cannot be judged without it).
    init?(_ db: Database) throws {
        guard try db.tableExists("finding"), try KeptFindingRules.stored(db) == KeptFindingRules.version,
              let parties = try? FindingKeeper.parties(db) else { return nil }
        self.parties = parties
    }

    /// Whether the findings of entries of this kind are judged one at a time, from the entry decoded.
    static func judgesAlone(_ kind: String) -> Bool {
        kind == EntityKind.activity.rawValue || kind == EntityKind.request.rawValue
    }

    /// The rows an activity or a request earns; nil for a party (judged with the others).
    func expected(_ entry: RegisterEntry) -> [KeptFinding]? {
        switch entry {
        case .activity(let activity): KeptFinding.rows(of: activity, amongParties: parties)
        case .request(let request): KeptFinding.rows(of: request, amongParties: parties)
        default: nil
        }
    }
}

extension JournalVerification {
    /// The kept findings of one activity or request, judged from `entry` (decoded once by the tables pass).
    mutating func checkFindings(of entry: RegisterEntry, _ check: KeptFindingsCheck, _ db: Database) throws {
        guard let expected = check.expected(entry) else { return }
        try compareFindings(of: entry.key, expected, db)
    }

    /// The kept findings of the parties, judged together, and the findings of entries the register does
    /// not hold.
    mutating func checkPartyFindings(_ check: KeptFindingsCheck, _ db: Database) throws {
        let expected = KeptFinding.rows(ofParties: check.parties)
        for entry in check.parties.entries {
            try compareFindings(of: entry.key, expected[entry.key] ?? [], db)
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
