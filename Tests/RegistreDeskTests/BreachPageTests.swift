import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreReports
import RegistreStore
import Testing

@Suite("Desk: a breach's assessment, decision, notification and communication (Art. 33, 34)")
struct BreachPageTests {
    @Test("the ENISA assessment is recorded as `breach assess` records it, and the page shows the library's decision")
    func assessment() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let before = try await browser.get("/breaches/breach-mende-1")
            #expect(before.text.contains("<dd id=\"risk-level\">à décider (évaluation à faire)</dd>"))
            let saved = try await browser.post("/breaches/breach-mende-1/assessment", [
                ("data[]", "behavioural"), ("adjustmentBehavioural", "+1"), ("identification", "maximum"),
                ("confidentiality", "known-recipients"), ("integrity", ""), ("availability", ""), ("malicious", "on"), ("override", ""),
            ])
            #expect(saved.status == .seeOther)
            let register = try fixture.store.register()
            let breach = try #require(register.breaches.first { $0.id == "breach-mende-1" })
            #expect(breach.assessment == RiskAssessment(
                data: [.init(.behavioural, adjustment: 1)], identification: .maximum, confidentiality: .knownRecipients, malicious: true))
            let decision = BreachDecision(breach, in: register, now: friday)
            let level = try #require(decision.level)
            let page = try await browser.get("/breaches/breach-mende-1")
            #expect(page.text.contains("<dd id=\"risk-level\">\(Vocabulary.label(level)[.fr])</dd>".replacingOccurrences(of: "'", with: "&#39;")))
            #expect(page.text.contains("<option value=\"+1\" selected>+1</option>"))
            #expect(page.text.contains(decision.reasons[0].fr.replacingOccurrences(of: "'", with: "&#39;")))
        }
        #expect(try fixture.store.journal.entries(entity: "breach-mende-1").last?.actor == "dpo-mende")
    }

    @Test("an override without its justification, or no category of data, is refused at its field; nothing saved")
    func assessmentRefused() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/breaches/breach-mende-1")
            let unjustified = try await browser.post("/breaches/breach-mende-1/assessment", [
                ("data[]", "simple"), ("identification", "limited"), ("override", "no-risk"), ("justification", " "),
            ])
            #expect(unjustified.status == .unprocessableContent)
            #expect(unjustified.text.contains("id=\"justification-error\""))
            let noData = try await browser.post("/breaches/breach-mende-1/assessment", [("identification", "limited")])
            #expect(noData.status == .unprocessableContent)
            #expect(noData.text.contains("id=\"data-error\""))
        }
        #expect(fixture.journalCount == before)
    }

    @Test("the notification to the authority is recorded (initial, then follow-up) and stops the clock; one before awareness is refused")
    func notification() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/breaches/breach-mende-1")
            // The form proposes the desk's now, in the controller's zone (08:00 UTC is 09:00 in Paris).
            #expect(page.text.contains("name=\"at\" type=\"datetime-local\" value=\"2026-03-27T09:00\""))
            let early = try await browser.post("/breaches/breach-mende-1/notifications", [("at", "2026-03-26T12:00")])
            #expect(early.status == .unprocessableContent)
            #expect(early.text.contains("Art. 33(1)"))
            #expect(fixture.journalCount == before)
            let initial = try await browser.post("/breaches/breach-mende-1/notifications", [
                ("at", "2026-03-27T09:00"), ("reference", "CNIL-2026-0001"),
            ])
            #expect(initial.status == .seeOther)
            try await browser.get("/breaches/breach-mende-1")
            // A notification dated after the desk's now has not been sent: refused by the CLI's rule.
            let future = try await browser.post("/breaches/breach-mende-1/notifications", [("at", "2026-03-27T09:30")])
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains("Art. 33(5)"))
            fixture.clock.advance(25 * 60)
            try await browser.get("/breaches/breach-mende-1")
            let followUp = try await browser.post("/breaches/breach-mende-1/notifications", [("at", "2026-03-27T09:20"), ("complete", "on")])
            #expect(followUp.status == .seeOther)
            let after = try await browser.get("/breaches/breach-mende-1")
            #expect(after.text.contains("Notification initiale — 2026-03-27 09:00"))
            #expect(after.text.contains("Notification complémentaire — 2026-03-27 09:20"))
            let dashboard = try await browser.get("/")
            #expect(!dashboard.text.contains("Courriel mal adressé à Mende"))
        }
        let breach = try #require(try fixture.store.register().breaches.first { $0.id == "breach-mende-1" })
        #expect(breach.notifications.map(\.kind) == [.initial, .followUp])
        #expect(breach.notifications.first?.reference == "CNIL-2026-0001")
        #expect(breach.notifications.last?.complete == true)
    }

    @Test("the communication to the data subjects, or the Art. 34(3) exception, is recorded; an unreadable moment is refused")
    func communication() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/breaches/breach-mende-1")
            let refused = try await browser.post("/breaches/breach-mende-1/communication", [("at", "demain")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"communicatedAt-error\""))
            let saved = try await browser.post("/breaches/breach-mende-1/communication", [
                // The desk's now (09:00 in Paris): a communication is recorded once made, never ahead.
                ("at", "2026-03-27T09:00"), ("exception", ""), ("detail", "Courriel à chaque usager"),
            ])
            #expect(saved.status == .seeOther)
            let page = try await browser.get("/breaches/breach-mende-1")
            #expect(page.text.contains("value=\"2026-03-27T09:00\""))
        }
        let breach = try #require(try fixture.store.register().breaches.first { $0.id == "breach-mende-1" })
        #expect(breach.communication?.detail == "Courriel à chaque usager")
        #expect(breach.communication?.exception == nil)
        #expect(breach.communication?.at == friday)
    }

    @Test("recording a notification: the first is the initial one, then follow-ups, or a follow-up when asked")
    func notificationKind() {
        var breach = Breach(id: "b", title: "B", controller: "mende", aware: friday, nature: [.integrity])
        breach.recordNotification(at: friday, followUp: true)
        #expect(breach.notifications.map(\.kind) == [.followUp])
        breach.notifications = []
        breach.recordNotification(at: friday)
        breach.recordNotification(at: friday.addingTimeInterval(60))
        #expect(breach.notifications.map(\.kind) == [.initial, .followUp])
    }
}
