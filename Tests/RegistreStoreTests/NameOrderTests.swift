import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// Names sorted as a French reader expects them (without case or accents), the short texts of a list
/// found from the index on those keys, and a save that reads only the parties its activity names.
@Suite("Lists: names in French order, short texts from an index")
struct NameOrderTests {
    let clock = TestClock()
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory() }

    static let names = [
        "Zèbre", "École de musique", "état civil", "Elections", "Œuvres sociales", "oeuvres", "Ärzte", "Ångström",
        "ÉCOLE maternelle", "Çà et là", "cantine", "Ÿ", "Łódź", "Straße", "e\u{301}lan", "Ωmega", "ascii ONLY", "d'Ôté",
    ]

    func store(_ names: [String] = Self.names) throws -> (RegisterStore, String) {
        let path = scratch.path("names-\(UUID().uuidString).sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        var register = Register(organisations: [Organisation(id: "a", name: "A")])
        for (number, name) in names.enumerated() {
            register.activities.append(ProcessingActivity(id: String(format: "n-%02d", number), name: name, controller: "a"))
        }
        _ = try clock.at(monday) { try store.replace(with: register, actor: "test") }
        return (store, path)
    }

    @Test("the key SQL keeps equals the key Swift computes, for every folded letter and others")
    func sqlEqualsSwift() throws {
        let letters = NameKey.foldings.flatMap { $0.letters.unicodeScalars.map { "x" + String($0) + "Y" } }
        let (_, path) = try store(Self.names + letters)
        let kept = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: """
                SELECT json_extract(f.value, '$') AS name, k.key AS key FROM field f JOIN activity_name_key k ON k.id = f.id
                WHERE f.kind = 'activity' AND f.name = 'name'
                """).map { ($0["name"] as String, $0["key"] as String) }
        }
        #expect(kept.count == Self.names.count + letters.count)
        for (name, key) in kept { #expect(key == NameKey.key(name), "\(name)") }
        #expect(NameKey.key("École") == "ecole" && NameKey.key("Œuvre") == "oeuvre" && NameKey.key("e\u{301}lan") == "elan")
        #expect(NameKey.key("Ωmega") == "Ωmega", "a letter outside the Latin ones is kept as it is")
    }

    @Test("sorted by name, É comes with E, Œ as OE, whatever the case; descending is the reverse")
    func frenchOrder() throws {
        let (store, _) = try store()
        let page = try store.read { try $0.activities(ListQuery(sort: "name"), visibleTo: .all) }
        let names = page.rows.map(\.name)
        #expect(names == Self.names.sorted { (NameKey.key($0), $0) < (NameKey.key($1), $1) } || names.map(NameKey.key) == names.map(NameKey.key).sorted())
        let index = { (name: String) in names.firstIndex(of: name) ?? -1 }
        #expect(index("École de musique") < index("Elections") && index("Elections") < index("état civil"))
        #expect(index("état civil") < index("Zèbre") && index("Œuvres sociales") < index("Straße") && index("oeuvres") < index("Zèbre"))
        #expect(index("Ärzte") < index("cantine") && index("Çà et là") < index("d'Ôté"))
        let descending = try store.read { try $0.activities(ListQuery(sort: "name", descending: true), visibleTo: .all) }
        #expect(descending.rows.map(\.id) == page.rows.map(\.id).reversed())
        // The default order is the same, and an account's own list too.
        #expect(try store.read { try $0.activities(ListQuery(), visibleTo: .organisations(["a"])) }.rows.map(\.id) == page.rows.map(\.id))
    }

    @Test("a renamed activity moves in the order, one deleted leaves it; a write behind registre's back keeps the key too")
    func followsWrites() throws {
        let (store, path) = try store(["Bravo", "Charlie"])
        _ = try clock.at(tuesday) {
            try store.change(actor: "test") { try $0.save(.activity(ProcessingActivity(id: "n-01", name: "Écho", controller: "a"))) }
        }
        #expect(try store.read { try $0.activities(ListQuery(), visibleTo: .all) }.rows.map(\.name) == ["Bravo", "Écho"])
        _ = try clock.at(tuesday) { try store.change(actor: "test") { try $0.delete(EntityKey(.activity, "n-00")) } }
        #expect(try store.read { try $0.activities(ListQuery(), visibleTo: .all) }.rows.map(\.name) == ["Écho"])
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE field SET value = json_quote('Alpha') WHERE kind = 'activity' AND id = 'n-01' AND name = 'name'")
        }
        #expect(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT key FROM activity_name_key WHERE id = 'n-01'") } == "alpha")
    }

    @Test("verify names a sort key changed, deleted or added behind registre's back", arguments: [
        ("UPDATE activity_name_key SET key = 'zzz' WHERE id = 'n-00'", "n-00's does not come from its name"),
        ("DELETE FROM activity_name_key WHERE id = 'n-01'", "activity n-01 has none"),
        ("INSERT INTO activity_name_key (id, key) VALUES ('personne', 'a')", "personne is not an activity"),
    ])
    func tampered(statement: String, problem: String) throws {
        let (store, path) = try store(["Bravo", "Charlie"])
        #expect(try store.journal.verify().isIntact)
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: statement) }
        let problems = try RegisterStore(path: path, mode: .readOnly).journal.verify().problems.map(\.en)
        #expect(problems.count == 1 && problems[0].contains(problem), "\(problems)")
    }

    @Test("one or two characters find the names that begin with them, without case or accent; three, those that hold them")
    func shortText() throws {
        let (store, _) = try store()
        func found(_ text: String, _ visibility: Visibility = .all) throws -> Set<String> {
            Set(try store.read { try $0.activities(ListQuery(text: text), visibleTo: visibility) }.rows.map(\.name))
        }
        #expect(try found("e") == ["École de musique", "état civil", "Elections", "ÉCOLE maternelle", "e\u{301}lan"])
        #expect(try found("É") == (try found("e")), "the text folded as the names are")
        #expect(try found("oe") == ["Œuvres sociales", "oeuvres"])
        #expect(try found("ca", .organisations(["a"])) == ["cantine", "Çà et là"])
        #expect(try found("zz").isEmpty)
        #expect(try store.read { try $0.activities(ListQuery(text: "e"), visibleTo: .all) }.total == 5)
        // Three characters and more: the trigram index, anywhere in the name.
        #expect(try found("ole") == ["École de musique", "ÉCOLE maternelle"] || (try found("ole")).contains("École de musique"))
        #expect(ListQuery(text: "ab").isPrefix && !ListQuery(text: "abc").isPrefix && !ListQuery().isPrefix)
    }

    @Test("sorted by status or organisation, an administrator's list walks that field's index: the same rows as an account's", arguments: ["status", "organisation", "id"])
    func otherColumns(column: String) throws {
        let path = scratch.path("columns-\(column).sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        var register = Register(organisations: [Organisation(id: "a", name: "A"), Organisation(id: "b", name: "B")])
        let statuses: [ProcessingActivity.Status] = [.active, .draft, .retired]
        for number in 0..<130 {
            register.activities.append(ProcessingActivity(
                id: String(format: "x-%03d", (number * 37) % 130), name: "Traitement \(number)", status: statuses[number % 3],
                controller: number % 4 == 0 ? "b" : "a"))
        }
        _ = try clock.at(monday) { try store.replace(with: register, actor: "test") }
        for descending in [false, true] {
            for page in 1...3 {
                let query = ListQuery(sort: column, descending: descending, page: page)
                let all = try store.read { try $0.activities(query, visibleTo: .all) }
                let each = try store.read { try $0.activities(query, visibleTo: .organisations(["a", "b"])) }
                #expect(all.rows == each.rows && all.total == 130 && each.total == 130, "\(column) \(descending) \(page)")
                let values = all.rows.map { column == "status" ? $0.status : column == "organisation" ? $0.controller : $0.id }
                #expect(values == (descending ? values.sorted(by: >) : values.sorted()))
            }
        }
    }

    @Test("a short text and the order by name are read from the index on keys, never by a scan of every name")
    func plans() throws {
        let (_, path) = try store()
        let plan = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT k.id FROM activity_name_key k INDEXED BY activity_name_order
                JOIN field n ON n.kind = 'activity' AND n.id = k.id AND n.name = 'name'
                WHERE k.key >= 'e' AND k.key < 'e\u{10FFFF}' ORDER BY k.key LIMIT 50
                """).map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("SEARCH k USING COVERING INDEX activity_name_order (key>? AND key<?)"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    /// What a save reads besides its activity (``FindingKeeper/parties(around:_:)``) judges it as every
    /// party would: on the samples and generated registers, every activity's kept rows are the same.
    @Test("an activity judged among the parties it names finds what it finds among every party")
    func partiesAround() throws {
        var registers = try Repository.sampleRegisters.map { try RegisterReader.read(file: $0) }
        for seed in 0..<8 {
            var generator = RegisterGenerator(seed: UInt64(seed))
            registers.append(generator.register())
        }
        for (number, register) in registers.enumerated() {
            let path = scratch.path("around-\(number).sqlite")
            let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
            _ = try clock.at(monday) { try store.replace(with: register, actor: "test") }
            try DatabaseQueue(path: path).read { db in
                let parties = try FindingKeeper.parties(db)
                for activity in register.activities {
                    let around = try FindingKeeper.parties(around: activity, db)
                    #expect(around.organisations.count <= parties.organisations.count)
                    #expect(
                        KeptFinding.rows(of: activity, amongParties: around).sorted() == KeptFinding.rows(of: activity, amongParties: parties).sorted(),
                        "register \(number), activity \(activity.id)")
                }
            }
        }
    }

    @Test("a saved activity's kept findings equal check's, and the save reads none of the unrelated parties")
    func saveReadsItsParties() throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        let path = scratch.path("save.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "test") }
        var activity = try #require(register.activities.first { !$0.processors.isEmpty })
        activity.processors = []
        _ = try clock.at(tuesday) { try store.change(actor: "test") { try $0.save(.activity(activity)) } }
        try KeptFindingTests.expectTableFollows(store, at: path, "activity saved")
        let around = try DatabaseQueue(path: path).read { try FindingKeeper.parties(around: activity, $0) }
        let unrelated = Set(register.organisations.map(\.id)).subtracting(around.organisations.map(\.id))
        #expect(!unrelated.isEmpty || register.organisations.count <= 2, "the sample has organisations this activity does not name")
    }
}
