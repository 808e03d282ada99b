import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: a dpo adds a processor and its agreement (Art. 28(3)), and edits the agreement's terms")
struct AgreementFormTests {
    static let newAgreement: [(String, String)] = [
        ("controller", "mende"), ("title", "Restauration scolaire de Mende"), ("signed", "2026-01-15"), ("processor", "new"),
        ("processorName", "Cantine de Lozère SARL"), ("processorCountry", "fr"), ("processorEmail", "contact@cantine48.fr"),
        ("subjectMatter", "Préparation et service des repas"), ("nature", "Gestion des inscriptions"),
        ("purposes", "Repas des élèves\r\nFacturation"), ("dataTypes", "Identité\r\nRégimes alimentaires"), ("dataSubjects", "Élèves"),
    ]

    @Test("a dpo creates the processor and the agreement in one act; the activity can then name it, and ART28-3-NO-AGREEMENT is answered")
    func create() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let list = try await browser.get("/agreements")
            #expect(list.text.contains("href=\"/agreements/new\""))
            let form = try await browser.get("/agreements/new")
            #expect(form.status == .ok)
            #expect(!form.text.contains("value=\"florac\""), "only the account's organisations are offered as controllers")
            let created = try await browser.post("/agreements/new", Self.newAgreement)
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/agreements/accord-mende-cantine-de-lozere-sarl?saved")
            let page = try await browser.get("/agreements/accord-mende-cantine-de-lozere-sarl?saved")
            #expect(page.status == .ok)
            #expect(page.text.contains("Enregistré (entrée du journal n°"), "the save says so")
            #expect(page.text.contains("Cantine de Lozère SARL"))
            // The processor of its agreement is offered on the controller's activity.
            let activity = try await browser.get("/activities/mende-etat-civil")
            #expect(activity.text.contains("value=\"cantine-de-lozere-sarl\""))
        }
        var register = try fixture.store.register()
        let agreement = try #require(register.agreement("accord-mende-cantine-de-lozere-sarl"))
        #expect(agreement.controllers == ["mende"])
        #expect(agreement.processor == "cantine-de-lozere-sarl")
        #expect(agreement.purposes == ["Repas des élèves", "Facturation"])
        #expect(agreement.signed == CalendarDate(year: 2026, month: 1, day: 15))
        let processor = try #require(register.organisation("cantine-de-lozere-sarl"))
        #expect(processor.country == "FR")
        #expect(try fixture.store.journal.entries(entity: "cantine-de-lozere-sarl").last?.actor == "dpo-mende")
        // An activity that engages the processor is covered by the agreement (Art. 28(3)); without it, it is not.
        let index = try #require(register.activities.firstIndex { $0.id == "mende-etat-civil" })
        register.activities[index].processors = [ProcessorEngagement(processor: "cantine-de-lozere-sarl", service: "Repas")]
        func fires(_ register: Register) -> Bool {
            RegisterCheck.findings(in: register, now: friday).contains { $0.code == .art28_3_no_agreement && $0.subject.id == "mende-etat-civil" }
        }
        #expect(!fires(register))
        register.agreements.removeAll { $0.id == agreement.id }
        #expect(fires(register))
    }

    @Test("what the form cannot take is refused at its field, and nothing is written", arguments: [
        ("controller", "florac", "controller-error"),
        ("processor", "hebergeur", "processor-error"),
        ("processorName", " ", "processorName-error"),
        ("title", "", "title-error"),
        ("signed", "2026-02-30", "signed-error"),
    ])
    func refused(field: String, value: String, error: String) async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/agreements/new")
            let refused = try await browser.post("/agreements/new", Self.newAgreement.filter { $0.0 != field } + [(field, value)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"\(error)\""))
        }
        #expect(fixture.journalCount == before)
    }

    @Test("a reader is offered no agreement to create, and its post is not found")
    func reader() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("reader-mende")
            #expect(try await browser.get("/agreements/new").status == .notFound)
            #expect(try await browser.post("/agreements/new", Self.newAgreement).status == .notFound)
            #expect(try await browser.get("/agreements/accord-mende/terms").status == .notFound)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("the terms are edited as the contract states them; sent back unchanged they journal nothing; a wrong period is refused")
    func terms() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/agreements/accord-mende/terms")
            #expect(page.text.contains("id=\"authorisationNotice\" name=\"authorisationNotice\" value=\"30d\""))
            let form = try #require(HTMLForm.forms(in: page.text, action: "/agreements/accord-mende/terms").first)
            let shown = form.fields.filter { $0.0 != "csrf" }
            let before = fixture.journalCount
            #expect(try await browser.post("/agreements/accord-mende/terms", shown).status == .seeOther)
            #expect(fixture.journalCount == before, "sent back as shown: nothing changes")
            try await browser.get("/agreements/accord-mende/terms")
            let wrong = try await browser.post("/agreements/accord-mende/terms", shown.filter { $0.0 != "auditNotice" } + [("auditNotice", "trente jours")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("id=\"auditNotice-error\""))
            #expect(fixture.journalCount == before)
            let changed = shown.filter { !["termKind[]", "termPeriod[]", "termCounting[]", "termClause[]", "auditAccess", "calendar"].contains($0.0) } + [
                ("calendar", "fr-48"), ("auditAccess", "inspections"),
                ("termKind[]", "termination"), ("termPeriod[]", "3m"), ("termCounting[]", "calendar"), ("termClause[]", "Article 11"),
                ("termKind[]", "audit-notice"), ("termPeriod[]", "10wd"), ("termCounting[]", ""), ("termClause[]", ""),
            ]
            #expect(try await browser.post("/agreements/accord-mende/terms", changed).status == .seeOther)
        }
        let agreement = try #require(try fixture.store.register().agreement("accord-mende"))
        #expect(agreement.calendar == "FR-48")
        #expect(agreement.auditTerms?.access == .inspections)
        #expect(agreement.auditTerms?.noticePeriod == DeadlinePeriod(30, .days), "what the form did not change stays")
        #expect(agreement.terms == [
            ContractTerm(.termination, period: DeadlinePeriod(3, .months), counting: .calendar, clause: "Article 11"),
            ContractTerm(.auditNotice, period: DeadlinePeriod(10, .days, workingDays: true), stated: nil),
        ])
        #expect(try fixture.store.journal.entries(entity: "accord-mende").last?.actor == "dpo-mende")
    }
}
