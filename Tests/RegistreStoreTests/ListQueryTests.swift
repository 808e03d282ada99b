import Foundation
import GRDB
import RegistreCore
import RegistreService
@testable import RegistreStore
import RegistreTestSupport
import Testing

/// The desk's lists as the store answers them: one page, the total, the account's organisations a
/// condition of the SQL (joint controllers included), and which kinds changed since a revision.
@Suite("Lists from the store's indexes")
struct ListQueryTests {
    let scratch: ScratchDirectory
    let store: RegisterStore

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded)
        var register = Register(organisations: [Organisation(id: "a", name: "A"), Organisation(id: "b", name: "B"), Organisation(id: "c", name: "C")])
        for number in 0..<60 {
            register.activities.append(ProcessingActivity(id: String(format: "a-%02d", number), name: String(format: "Activité %02d", number), controller: "a"))
        }
        register.activities.append(ProcessingActivity(id: "b-1", name: "Activité de B", controller: "b"))
        // B's activity that C controls jointly: C's register holds it (Art. 26).
        register.activities.append(ProcessingActivity(
            id: "b-joint", name: "Activité conjointe", controller: "b", jointControllers: [.init(organisation: "c")]))
        _ = try store.replace(with: register, actor: "setup")
    }

    @Test("an organisation sees its own activities and those it controls jointly, never another's; the total counts all its pages")
    func visibility() throws {
        let ofC = try store.read { try $0.activities(ListQuery(), visibleTo: .organisations(["c"])) }
        #expect(ofC.rows.map(\.id) == ["b-joint"] && ofC.total == 1)
        let ofA = try store.read { try $0.activities(ListQuery(), visibleTo: .organisations(["a"])) }
        #expect(ofA.total == 60 && ofA.rows.count == 50 && ofA.rows.allSatisfy { $0.controller == "a" })
        let second = try store.read { try $0.activities(ListQuery(page: 2), visibleTo: .organisations(["a"])) }
        #expect(second.rows.map(\.id) == (50..<60).map { String(format: "a-%02d", $0) })
        let none = try store.read { try $0.activities(ListQuery(), visibleTo: .organisations([])) }
        #expect(none.total == 0 && none.rows.isEmpty)
        // A facet naming another organisation does not widen what the account sees.
        let asked = try store.read { try $0.activities(ListQuery(facets: ["organisation": "b"]), visibleTo: .organisations(["a"])) }
        #expect(asked.total == 0)
        #expect(try store.read { try $0.activities(ListQuery(), visibleTo: .all) }.total == 62)
    }

    @Test("the counts by controller and the organisations that control activities come from the index")
    func counts() throws {
        #expect(try store.read { try $0.activityCounts(controlledBy: ["a", "b", "c"]) } == ["a": 60, "b": 2])
        #expect(try store.read { try $0.activityControllers() } == ["a", "b"])
    }

    @Test("the kinds changed after a revision: an activity saved is not a party changed")
    func kindsChanged() throws {
        let revision = try store.read { try $0.revision() }
        #expect(try store.read { try $0.kindsChanged(after: revision) }.isEmpty)
        _ = try store.change(actor: "dpo") { try $0.save(.activity(ProcessingActivity(id: "a-new", name: "Nouvelle", controller: "a"))) }
        #expect(try store.read { try $0.kindsChanged(after: revision) } == [.activity])
        _ = try store.change(actor: "dpo") { try $0.save(.organisation(Organisation(id: "d", name: "D"))) }
        #expect(try store.read { try $0.kindsChanged(after: revision) } == [.activity, .organisation])
    }
}

/// Pages found by their neighbour's key (keyset pagination): the same rows as the pages by number, at the
/// cost of one page whatever the depth (a range of the index, no rows skipped).
@Suite("Lists paged by the key of the row next to the page")
struct ListKeyTests {
    let scratch: ScratchDirectory
    let store: RegisterStore
    let path: String

    /// 230 activities of three organisations, names that repeat (ties broken by id), every status.
    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("keys.sqlite")
        store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded)
        var register = Register(organisations: [Organisation(id: "a", name: "A"), Organisation(id: "b", name: "B"), Organisation(id: "c", name: "C")])
        let statuses: [ProcessingActivity.Status] = [.active, .draft, .retired]
        for number in 0..<230 {
            register.activities.append(ProcessingActivity(
                id: String(format: "x-%03d", (number * 37) % 230), name: ["École", "état civil", "Zèbre", "cantine"][number % 4] + " \(number % 7)",
                status: statuses[number % 3], controller: ["a", "b", "c"][number % 3]))
        }
        _ = try store.replace(with: register, actor: "setup")
    }

    /// Every page by number, and every page walked forward by the last row's key then back by the first's.
    @Test("walked by keys, forward and back, the pages are those by number, for every column, either way, any account",
          arguments: ["name", "id", "status", "organisation"])
    func walked(column: String) throws {
        for descending in [false, true] {
            for visibility in [Visibility.all, .organisations(["a", "c"])] {
                let numbered = try (1...5).map { page in
                    try store.read { try $0.activities(ListQuery(sort: column, descending: descending, page: page), visibleTo: visibility) }
                }
                let total = numbered[0].total
                #expect(numbered.flatMap(\.rows).count == total && total > 150, "\(column) \(descending)")
                var pages = [numbered[0]]
                while let last = pages.last?.last, pages.count < 6 {
                    let next = try store.read {
                        try $0.activities(ListQuery(sort: column, descending: descending, page: pages.count + 1, after: last), visibleTo: visibility)
                    }
                    #expect(next.total == total)
                    guard !next.rows.isEmpty else { break }
                    pages.append(next)
                }
                #expect(pages.map(\.rows) == numbered.prefix(pages.count).map(\.rows), "\(column) \(descending) \(visibility)")
                // Back from the last page, each page before the first row of the one after it.
                var back = [try #require(pages.last)]
                while back.count < pages.count, let first = back.last?.first {
                    back.append(try store.read {
                        try $0.activities(ListQuery(sort: column, descending: descending, before: first), visibleTo: visibility)
                    })
                }
                #expect(back.reversed().map(\.rows) == pages.map(\.rows), "\(column) \(descending) back")
            }
        }
    }

    @Test("a key with the filters: the rows after it that the text and facets keep; a key past the end: an empty page")
    func filtered() throws {
        let query = ListQuery(text: "cantine", facets: ["status": "draft"], sort: "name")
        let first = try store.read { try $0.activities(query, visibleTo: .all) }
        #expect(first.total > 10 && first.rows.allSatisfy { $0.status == "draft" && $0.name.hasPrefix("cantine") })
        // After the tenth row: the rest, still filtered, the total unchanged.
        var rest = query
        rest.after = ListKey(value: NameKey.key(first.rows[9].name), id: first.rows[9].id)
        let after = try store.read { try $0.activities(rest, visibleTo: .all) }
        #expect(after.rows == Array(first.rows.dropFirst(10)) && after.total == first.total)
        rest.after = first.last
        #expect(try store.read { try $0.activities(rest, visibleTo: .all) }.rows.isEmpty)
        let end = try store.read { try $0.activities(ListQuery(after: ListKey(value: "\u{10FFFF}", id: "")), visibleTo: .all) }
        #expect(end.rows.isEmpty && end.total == 230 && end.first == nil && end.last == nil)
    }

    @Test("hostile keys (quotes, SQL, NUL, an id of no row) find a page as any other value would, never an error")
    func hostile() throws {
        for value in ["'; DROP TABLE field; --", "\"", "\u{0}", "", String(repeating: "z", count: 10_000), "x-999"] {
            for sort in ["name", "status", "organisation", "id"] {
                let page = try store.read { try $0.activities(ListQuery(sort: sort, after: ListKey(value: value, id: value)), visibleTo: .all) }
                #expect(page.total == 230 && page.rows.count <= ListQuery.pageSize, "\(sort) \(value.prefix(20))")
            }
        }
        #expect(try store.read { try $0.activities(ListQuery(), visibleTo: .all) }.total == 230)
    }

    /// The plans SQLite chooses on the store's own SQL, past the key: a range of the index read in order,
    /// neither a temporary sort nor rows skipped.
    @Test("past a key, an administrator's page is a range of the index on that column, not a sort or a skip", arguments: ["name", "status", "organisation"])
    func plans(column: String) throws {
        let plan = try DatabaseQueue(path: path).read { db in
            try Self.plan(column, db)
        }
        let index = ["name": "activity_name_order", "status": "activity_status", "organisation": "activity_controller"][column]!
        #expect(plan.contains("COVERING INDEX \(index) (") && plan.contains(",id)>(?,?)"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }

    /// The plan of the page after a key, as `RegisterReading.activities` asks it.
    static func plan(_ column: String, _ db: Database) throws -> String {
        guard let sql = ActivityListSQL(ListQuery(sort: column, page: 900, after: ListKey(value: "m", id: "x-100")), visibleTo: .all) else { return "" }
        let statement = sql.pageStatement
        return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
            .map { $0["detail"] as String }.joined(separator: "\n")
    }
}
