import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import Testing

/// A text found through the trigram index, in many names or few: every page holds the rows whose name or
/// id holds it, in the list's order, with the total the index counts; an organisation's activities start
/// from its controller.
@Suite("Activities found by a text, many or few")
struct ActivitySearchTests {
    let scratch: ScratchDirectory
    let store: RegisterStore
    let path: String
    let register: Register

    /// 240 activities of three organisations: "gestion" in most names (any case), "Rare" in four, names
    /// that repeat (ties broken by id), every status.
    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("search.sqlite")
        store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded)
        var register = Register(organisations: [Organisation(id: "a", name: "A"), Organisation(id: "b", name: "B"), Organisation(id: "c", name: "C")])
        let statuses: [ProcessingActivity.Status] = [.active, .draft, .retired]
        for number in 0..<240 {
            let name = number % 60 == 7 ? "Rare \(number)" : number % 6 == 0 ? "Zèbre \(number % 5)" : ["GESTION de la paie", "Élan de gestion", "gestion des écoles"][number % 3] + " \(number % 4)"
            register.activities.append(ProcessingActivity(
                id: String(format: "x-%03d", (number * 37) % 240), name: name, status: statuses[number % 3], controller: ["a", "b", "c"][number % 3]))
        }
        self.register = register
        _ = try store.replace(with: register, actor: "setup")
    }

    /// The ids of the activities `visible` whose name or id holds `text` (case folded), in the list's
    /// order, computed here from the register rather than by the store.
    func expected(_ text: String, descending: Bool = false, visible: Set<String>? = nil) -> [String] {
        let rows = register.activities
            .filter { text.isEmpty || ($0.name + " " + $0.id).lowercased().contains(text.lowercased()) }
            .filter { visible?.contains($0.controller) ?? true }
            .map { (key: NameKey.key($0.name), id: $0.id) }
            .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
            .map(\.id)
        return descending ? rows.reversed() : rows
    }

    /// Every page by number, and walked by the keys its links carry, either way: the names that hold the text.
    @Test("every page of a text, by number and by key, either way, is the rows that hold it in order, with their total",
          arguments: ["gestion", "GESTION", "rare", "x-01", "absent"])
    func pages(text: String) throws {
        for descending in [false, true] {
            let want = expected(text, descending: descending)
            var byNumber: [String] = []
            for page in 1...6 {
                let found = try store.read { try $0.activities(ListQuery(text: text, descending: descending, page: page), visibleTo: .all) }
                #expect(found.total == want.count, "\(text) page \(page)")
                byNumber += found.rows.map(\.id)
            }
            #expect(byNumber == want, "\(text) descending \(descending) by number")
            var byKey: [String] = []
            var query = ListQuery(text: text, descending: descending)
            for _ in 0..<6 {
                let found = try store.read { try $0.activities(query, visibleTo: .all) }
                byKey += found.rows.map(\.id)
                guard let last = found.last else { break }
                query.after = last
                query.page += 1
            }
            #expect(byKey == want, "\(text) descending \(descending) by key")
        }
    }

    @Test("a text with a facet, or for an account of some organisations: the rows both keep, never another organisation's")
    func filtered() throws {
        let draft = try store.read { try $0.activities(ListQuery(text: "gestion", facets: ["status": "draft"]), visibleTo: .all) }
        let drafts = Set(register.activities.filter { $0.status == .draft }.map(\.id))
        #expect(draft.total == expected("gestion").filter(drafts.contains).count && draft.rows.allSatisfy { $0.status == "draft" })
        for visible in [Set(["a"]), ["b", "c"]] {
            let found = try store.read { try $0.activities(ListQuery(text: "gestion"), visibleTo: .organisations(visible)) }
            #expect(found.total == expected("gestion", visible: visible).count)
            #expect(found.rows.map(\.id) == Array(expected("gestion", visible: visible).prefix(50)))
            #expect(found.rows.allSatisfy { visible.contains($0.controller) })
        }
        let ofB = try store.read { try $0.activities(ListQuery(text: "gestion", facets: ["organisation": "b"]), visibleTo: .all) }
        #expect(ofB.total == expected("gestion", visible: ["b"]).count && ofB.rows.allSatisfy { $0.controller == "b" })
    }

    @Test("hostile texts (quotes, FTS syntax, SQL) find what they hold, never an error")
    func hostile() throws {
        for text in ["\"", "\"gestion\" OR x", "NEAR(a b)", "ges*", "'; DROP TABLE field; --", String(repeating: "g", count: 5_000)] {
            let found = try store.read { try $0.activities(ListQuery(text: text), visibleTo: .all) }
            #expect(found.total == expected(text).count && found.rows.count <= ListQuery.pageSize, "\(text.prefix(20))")
        }
    }

    /// One organisation's activities (its page, a breach's facts): from the index on controllers, never a
    /// walk of every name's key.
    @Test("one organisation's page and total start from the index on controllers")
    func organisationPlan() throws {
        let sql = try #require(ActivityListSQL(ListQuery(facets: ["organisation": "b"]), visibleTo: .all))
        let statement = sql.pageStatement
        let plan = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments).map { $0["detail"] as String }
        }
        #expect(plan.first?.contains("activity_controller") == true, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
        let page = try store.read { try $0.activities(ListQuery(facets: ["organisation": "b"]), visibleTo: .all) }
        #expect(page.total == 80 && page.rows.map(\.id) == Array(expected("", visible: ["b"]).prefix(50)))
    }
}
