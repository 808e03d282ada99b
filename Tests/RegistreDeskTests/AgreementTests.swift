import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreReports
import RegistreStore
import RegistreXML
import Testing

@Suite("Desk: agreements, change notices and audits (Art. 28)")
struct AgreementTests {
    /// The row of the clause table for the clause `code` ("28-3-e").
    static func row(_ code: String, of page: String) -> Substring? {
        guard let start = page.range(of: "id=\"clause-\(code)\"") else { return nil }
        let rest = page[start.upperBound...]
        return rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)]
    }

    @Test("an agreement's page shows each clause with its code and label, a missing clause with its finding beside it, the sub-processors")
    func clauses() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let list = try await browser.get("/agreements")
            #expect(list.status == .ok)
            #expect(list.text.contains("href=\"/agreements/accord-florac\""))
            #expect(list.text.contains("href=\"/audits/audit-florac-1\""))
            let page = try await browser.get("/agreements/accord-florac")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Accord d&#39;hébergement de Florac</h1>"))
            // Art. 28(3)(e) is missing: the row says so and carries its finding; (a) is present and quiet.
            let missing = try #require(Self.row("28-3-e", of: page.text))
            #expect(missing.contains("Art. 28(3)(e)"))
            #expect(missing.contains("Aide aux demandes des personnes concernées"))
            #expect(missing.contains("Absente du contrat"))
            #expect(missing.contains("ART28-3-E-"))
            let present = try #require(Self.row("28-3-a", of: page.text))
            #expect(present.contains("Article 28-3-a"))
            #expect(!present.contains("ART28-"))
            #expect(page.text.contains("Hébergeur certifié"))
            #expect(page.text.contains("HDS"))
        }
    }

    @Test("a change notice received is recorded with the objection deadline the library computes; an objection is recorded")
    func changeNotice() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/agreements/accord-mende")
            let recorded = try await browser.post("/agreements/accord-mende/changes", [
                ("kind", "replacement"), ("subProcessor", "nuage"), ("replaces", "hebergeur"), ("received", "2026-03-25"),
                ("effective", "2026-05-01"),
            ])
            #expect(recorded.status == .seeOther)
            let page = try await browser.get("/agreements/accord-mende")
            let register = try fixture.store.register()
            let agreement = try #require(register.agreement("accord-mende"))
            let change = try #require(agreement.changeNotices.first { $0.noticeDate.iso == "2026-03-25" })
            #expect(change.kind == .replacement && change.replaces == "hebergeur" && change.applied?.iso == "2026-05-01")
            let deadline = try #require(agreement.objectionDeadline(for: change, in: register))
            #expect(deadline.iso == "2026-04-09")
            #expect(page.text.contains("<dd class=\"objection-deadline\">\(Vocabulary.format(deadline, in: .fr))</dd>"))
            // The answer carries the outcome the page showed: one given meanwhile by another is not overwritten.
            let taken = try await browser.post("/agreements/accord-mende/changes/\(change.id)", [("outcome", "objected"), ("shownOutcome", "accepted")])
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("quelqu&#39;un d&#39;autre a répondu") || taken.text.contains("quelqu'un d'autre a répondu"))
            let objected = try await browser.post("/agreements/accord-mende/changes/\(change.id)", [("outcome", "objected"), ("shownOutcome", "pending")])
            #expect(objected.status == .seeOther)
        }
        let agreement = try #require(try fixture.store.register().agreement("accord-mende"))
        #expect(agreement.changeNotices.last?.outcome == .objected)
        let entries = try fixture.store.journal.entries(entity: "accord-mende")
        #expect(entries.count == 3)
        #expect(entries.dropFirst().allSatisfy { $0.actor == "dpo-mende" })
    }

    @Test("a change notice naming an organisation the account may not see, or without its day, is refused at the field; nothing saved")
    func changeRefused() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/agreements/accord-mende")
            let hidden = try await browser.post("/agreements/accord-mende/changes", [
                ("kind", "addition"), ("subProcessor", "florac"), ("received", "2026-03-25"),
            ])
            #expect(hidden.status == .unprocessableContent)
            #expect(hidden.text.contains("id=\"subProcessor-error\""))
            #expect(!hidden.text.contains("Commune de Florac"))
            let noDay = try await browser.post("/agreements/accord-mende/changes", [
                ("kind", "addition"), ("subProcessor", "hebergeur"), ("received", "2026-02-30"),
            ])
            #expect(noDay.status == .unprocessableContent)
            #expect(noDay.text.contains("id=\"received-error\""))
            #expect(noDay.text.contains("2026-02-30"))
        }
        #expect(fixture.journalCount == before)
    }

    @Test("a reader sees the agreement but no form, and cannot record anything")
    func reader() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("reader-mende")
            let page = try await browser.get("/agreements/accord-mende")
            #expect(page.status == .ok)
            #expect(!page.text.contains("action=\"/agreements/accord-mende/changes\""))
            #expect(!page.text.contains("/audits/new"))
            let refused = try await browser.post("/agreements/accord-mende/changes", [
                ("kind", "addition"), ("subProcessor", "hebergeur"), ("received", "2026-03-25"),
            ])
            #expect(refused.status == .notFound)
            #expect(try await browser.get("/agreements/accord-mende/audits/new").status == .notFound)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("an audit starting before the notice period has run is refused, naming the first day allowed; on that day it is recorded")
    func auditRequest() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        let register = try fixture.store.register()
        let agreement = try #require(register.agreement("accord-mende"))
        let notified = CalendarDate(year: 2026, month: 3, day: 27)!
        let earliest = try #require(AuditScheduling.earliestStart(notified: notified, agreement: agreement, in: register))
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let form = try await browser.get("/agreements/accord-mende/audits/new")
            #expect(form.status == .ok)
            #expect(form.text.contains("value=\"2026-03-27\""))
            let early = try await browser.post("/agreements/accord-mende/audits/new", [
                ("requester", "mende"), ("notified", "2026-03-27"), ("start", earliest.adding(days: -1).iso), ("scope", "Sauvegardes"),
            ])
            #expect(early.status == .unprocessableContent)
            #expect(early.text.contains("id=\"start-error\""))
            #expect(early.text.contains("à partir du \(earliest.iso)"))
            #expect(early.text.contains(">Sauvegardes</textarea>"))
            #expect(fixture.journalCount == before)
            let allowed = try await browser.post("/agreements/accord-mende/audits/new", [
                ("requester", "mende"), ("notified", "2026-03-27"), ("start", earliest.iso),
            ])
            #expect(allowed.status == .seeOther)
            #expect(allowed.headers[.location] == "/audits/audit-\(earliest.iso)?saved")
            let page = try await browser.get("/audits/audit-\(earliest.iso)")
            #expect(page.status == .ok)
            #expect(page.text.contains(Vocabulary.format(earliest, in: .fr)))
        }
        let audit = try #require(try fixture.store.register().audits.first { $0.id == "audit-\(earliest.iso)" })
        #expect(audit.requester == "mende" && audit.auditee == "prestataire" && audit.notified == notified)
        #expect(try fixture.store.journal.entries(entity: audit.id).first?.actor == "dpo-mende")
    }

    @Test("an audit's meetings and report are recorded; a date that does not exist is refused at its field")
    func auditRecord() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            try await browser.get("/audits/audit-florac-1")
            let refused = try await browser.post("/audits/audit-florac-1", [("kickoff", "2026-02-31")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"kickoff-error\""))
            let saved = try await browser.post("/audits/audit-florac-1", [
                ("kickoff", "2026-02-16"), ("closing", "2026-03-02"), ("reportShared", "2026-03-20"),
            ])
            #expect(saved.status == .seeOther)
        }
        let audit = try #require(try fixture.store.register().audits.first { $0.id == "audit-florac-1" })
        #expect(audit.kickoffMeeting?.iso == "2026-02-16" && audit.closingMeeting?.iso == "2026-03-02" && audit.reportShared?.iso == "2026-03-20")
        #expect(try fixture.store.journal.entries(entity: "audit-florac-1").last?.actor == "admin")
    }

    @Test("meetings that cannot have happened (a closing meeting before the kickoff, a kickoff before the start) are refused as `registre audit record` refuses them (Art. 28(3)(h)); nothing is journaled")
    func impossibleAuditDates() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            try await browser.get("/audits/audit-florac-1")
            let refused = try await browser.post("/audits/audit-florac-1", [("kickoff", "2026-03-02"), ("closing", "2026-02-20")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("28(3)(h)"))
            let early = try await browser.post("/audits/audit-florac-1", [("kickoff", "2026-02-10")])
            #expect(early.status == .unprocessableContent)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("the audit notice downloads the same bytes as `registre audit notice` writes")
    func notice() async throws {
        let fixture = try DeskFixture()
        let register = try fixture.store.register(around: [EntityKey(.audit, "audit-florac-1")])
        let audit = try #require(register.audits.first)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let text = try await browser.get("/download/audits/audit-florac-1.txt")
            #expect(text.status == .ok)
            #expect(text.headers[.contentDisposition] == "attachment; filename=\"audit-florac-1.txt\"")
            #expect(text.text == AuditNoticeReport.render(audit, in: register, language: .fr))
            let xml = try await browser.get("/download/audits/audit-florac-1.xml")
            #expect(Array(buffer: xml.body) == (try ScheduleWriter.auditNotice(audit, in: register)))
        }
    }
}
