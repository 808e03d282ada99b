public import RegistreCore
/// What `registre verify` found: the journal's chain recomputed, then replayed from nothing and compared
/// with the tables.
public struct JournalVerification: Sendable {
    public var entries: Int
    /// The first problem comes first; empty when the journal and the tables agree.
    public var problems: [LocalizedText]

    public var isIntact: Bool { problems.isEmpty }

    static func run(journal: [StoreTables.StoredEntry], tables: RegisterSnapshot) -> JournalVerification {
        var problems: [LocalizedText] = []
        var previousHash = JournalEntry.genesis
        var expectedSequence: Int64 = 1
        var replayed = RegisterSnapshot()
        var replayBroken = false
        for stored in journal {
            if stored.sequence != expectedSequence {
                problems.append(LocalizedText(
                    fr: "l'entrée de journal n° \(expectedSequence) manque (le journal passe de \(expectedSequence - 1) à \(stored.sequence))",
                    en: "journal entry \(expectedSequence) is missing (the journal goes from \(expectedSequence - 1) to \(stored.sequence))"))
                expectedSequence = stored.sequence
            }
            expectedSequence += 1
            guard let entry = stored.entry() else {
                problems.append(LocalizedText(
                    fr: "l'entrée de journal n° \(stored.sequence) a été altérée : ses colonnes sont illisibles",
                    en: "journal entry \(stored.sequence) has been altered: its columns cannot be read"))
                replayBroken = true
                continue
            }
            if entry.previousHash != previousHash {
                problems.append(LocalizedText(
                    fr: "l'entrée de journal n° \(entry.sequence) ne suit pas l'entrée précédente (la chaîne des empreintes est rompue)",
                    en: "journal entry \(entry.sequence) does not follow the entry before it (the chain of hashes is broken)"))
            }
            if entry.computedHash(fieldsJSON: stored.fields, recordedAtText: stored.recordedAt) != entry.hash {
                problems.append(LocalizedText(
                    fr: "l'entrée de journal n° \(entry.sequence) a été altérée : son empreinte ne correspond plus à son contenu",
                    en: "journal entry \(entry.sequence) has been altered: its hash does not match its content"))
            }
            previousHash = entry.hash
            if !replayBroken, let problem = replayed.apply(entry) {
                problems.append(problem)
                replayBroken = true
            }
        }
        if !replayBroken {
            problems += differences(journal: replayed, tables: tables)
        }
        return JournalVerification(entries: journal.count, problems: problems)
    }

    /// Each row of the tables that the journal does not account for, in a stable order.
    private static func differences(journal: RegisterSnapshot, tables: RegisterSnapshot) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        for key in Set(journal.entities.keys).union(tables.entities.keys).sorted() {
            switch (journal.entities[key], tables.entities[key]) {
            case (nil, .some):
                problems.append(LocalizedText(
                    fr: "table entity, ligne \(key) : absente du journal",
                    en: "table entity, row \(key): not recorded in the journal"))
            case (.some, nil):
                problems.append(LocalizedText(
                    fr: "table entity, ligne \(key) : inscrite au journal mais absente des tables",
                    en: "table entity, row \(key): recorded in the journal but missing from the tables"))
            case (let expected?, let actual?):
                if expected.position != actual.position {
                    problems.append(LocalizedText(
                        fr: "table entity, ligne \(key) : position \(actual.position), le journal dit \(expected.position)",
                        en: "table entity, row \(key): position \(actual.position), the journal says \(expected.position)"))
                }
                for name in Set(expected.fields.keys).union(actual.fields.keys).sorted() where expected.fields[name] != actual.fields[name] {
                    problems.append(LocalizedText(
                        fr: "table field, ligne \(key) \(name) : ne correspond pas au journal",
                        en: "table field, row \(key) \(name): does not match the journal"))
                }
            case (nil, nil):
                break
            }
        }
        return problems
    }
}
