import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore
import RegistreXML
import Testing

/// A member answers, with its own account, its window on a change of sub-processor notified to its
/// structure: through `ChangeNoticeActs.answer`, as `change-notice outcome --member`; it sees its own
/// window and not the other member's; its window leaves the deadlines.
@Suite("Desk: a member's answer to its objection window")
struct ObjectionWindowTests {
    /// The structure's agreement with the shared processor, a change pending; both members' activities
    /// use that processor.
    static func fixture() throws -> StructureFixture {
        let fixture = try StructureFixture()
        _ = try fixture.store.change(actor: "setup") { edit in
            try edit.save(.agreement(DeskFixture.agreement("accord-cdg", "Accord mutualisé du centre", of: "cdg48")))
            for id in ["mende-etat-civil", "florac-cantine"] {
                guard case .activity(var activity)? = try edit.entry(EntityKey(.activity, id)) else { continue }
                activity.processors = [ProcessorEngagement(processor: DeskFixture.provider.id, service: "Hébergement")]
                try edit.save(.activity(activity))
            }
        }
        return fixture
    }

    static let change = "accord-cdg-changement-1"

    @Test("the member's account answers its own window, which then leaves its deadlines; the other member's stays and is not shown")
    func answer() async throws {
        let fixture = try Self.fixture()
        let before = ChangeNoticeFanOut.windows(in: try RegisterDeadlines.register(of: fixture.store))
        #expect(Set(before.map(\.member)) == ["mende", "florac"])
        try await fixture.run { client in
            let mende = Browser(client)
            try await mende.signIn("dpo-mende")
            let page = try await mende.get("/objection-windows")
            #expect(page.status == .ok)
            #expect(page.text.contains("/objection-windows/accord-cdg/\(Self.change)/mende"))
            #expect(!page.text.contains("Commune de Florac"), "another member's window")
            #expect(try await mende.post("/objection-windows/accord-cdg/\(Self.change)/mende", []).status == .unprocessableContent)
            #expect(try await mende.post("/objection-windows/accord-cdg/\(Self.change)/florac", [("outcome", "objected")]).status == .notFound)
            #expect(try await mende.post("/objection-windows/inconnu/\(Self.change)/mende", [("outcome", "objected")]).status == .notFound)
            #expect(try await mende.post("/objection-windows/accord-cdg/inconnu/mende", [("outcome", "objected")]).status == .notFound)
            #expect(try await mende.post("/objection-windows/accord-cdg/\(Self.change)/mende", [("outcome", "objected")]).status == .seeOther)
            let after = try await mende.get("/objection-windows")
            #expect(!after.text.contains("/objection-windows/accord-cdg/\(Self.change)/mende"))
            #expect(after.text.contains("opposition (27 mars 2026, par dpo-mende)"), "the day and the account that answered")

            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            #expect(try await reader.post("/objection-windows/accord-cdg/\(Self.change)/mende", [("outcome", "accepted")]).status == .notFound)
        }
        let windows = ChangeNoticeFanOut.windows(in: try RegisterDeadlines.register(of: fixture.store))
        #expect(windows.map(\.member) == ["florac"])
        let stored = try fixture.store.register().agreement("accord-cdg")?.changeNotices.first?.memberAnswers
        #expect(stored == [MemberAnswer(member: "mende", outcome: .objected, on: try #require(CalendarDate(iso: "2026-03-27")), by: "dpo-mende")])
        // The account is in the register's XML, and read back from it.
        let xml = try RegisterWriter.bytes(of: try fixture.store.register())
        #expect(String(decoding: xml, as: UTF8.self).contains("<member-answer member=\"mende\" outcome=\"objected\" by=\"dpo-mende\">"))
        let read = try RegisterReader.read(bytes: xml)
        #expect(read.agreement("accord-cdg")?.changeNotices.first?.memberAnswers.first?.by == "dpo-mende")
        #expect(try fixture.store.journal.entries(entity: "accord-cdg").last?.actor == "dpo-mende")
    }
}
