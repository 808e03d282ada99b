import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Issue 14, item 2: audits and changes of sub-processor checked against the agreement's terms.
@Suite("Events checked against the terms of the agreement")
struct ContractEventTests {
    @Test("an audit twelve months after the previous one, or on a ground the cap exempts, is quiet")
    func capQuiet() {
        // Twelve calendar months after Monday 9 February 2026.
        #expect(RegisterCheck.findings(in: cappedAudits(secondStart: day("2027-02-09"))) == [])
        #expect(RegisterCheck.findings(in: cappedAudits(secondStart: day("2026-03-16"), ground: .afterBreach)) == [])
    }

    @Test("a ground the cap does not exempt is held to it")
    func capNotExempt() {
        let findings = RegisterCheck.findings(in: cappedAudits(secondStart: day("2026-03-16"), ground: .authorityRequest))
        #expect(findings.map(\.code) == [.audit_cap_exceeded])
    }

    @Test("the cap finding names the clause, the previous audit and the first allowed day")
    func capMessage() throws {
        let finding = try #require(RegisterCheck.findings(in: cappedAudits(secondStart: day("2027-02-08"))).first)
        #expect(finding.code == .audit_cap_exceeded)
        #expect(finding.subject == Finding.Subject(.audit, "audit-2"))
        for text in [finding.message.fr, finding.message.en] {
            #expect(text.contains("Art. 9.3") && text.contains("audit") && text.contains("2027-02-09"))
        }
    }

    @Test("three audits in six weeks: the second and third are beyond the cap, the first is not")
    func threeAudits() {
        var register = cappedAudits(secondStart: day("2026-03-02"))
        register.audits.append(AuditRequest(
            id: "audit-3", agreement: "dpa", requester: "commune", auditee: "anct",
            notified: day("2026-02-10"), plannedStart: day("2026-03-23")))
        let subjects = RegisterCheck.findings(in: register).filter { $0.code == .audit_cap_exceeded }.map(\.subject.id)
        #expect(subjects == ["audit-2", "audit-3"])
    }

    @Test("the cap counts every audit of the agreement whatever the file's order: the later audit written first is still beyond it (issue 25)")
    func capWhateverTheOrder() throws {
        var register = cappedAudits(secondStart: day("2026-03-16"))
        register.audits.reverse()
        #expect(register.audits.map(\.id) == ["audit-2", "audit"])
        let findings = RegisterCheck.findings(in: register).filter { $0.code == .audit_cap_exceeded }
        #expect(findings.map(\.subject.id) == ["audit-2"])
        #expect(findings.first?.message.en.contains("after the audit 'audit'") == true)
        // The same with the register read ahead, as the database gives it.
        var ahead = Register()
        ahead.organisations = register.organisations
        ahead.agreements = register.agreements
        ahead.audits = register.audits
        var check = StreamingCheck(readAhead: ahead)
        for entry in register.entries { check.consume(entry) }
        #expect(check.findings.filter { $0.code == .audit_cap_exceeded }.map(\.subject.id) == ["audit-2"])
        // Quiet, in either order, twelve months apart.
        var apart = cappedAudits(secondStart: day("2027-02-09"))
        apart.audits.reverse()
        #expect(RegisterCheck.findings(in: apart).filter { $0.code == .audit_cap_exceeded }.isEmpty)
    }

    @Test("a request beyond the cap, or starting before notice, is refused with the first allowed day")
    func requestRefused() throws {
        let register = cappedAudits(secondStart: day("2027-02-09"))
        let agreement = register.agreements[0]
        #expect(throws: AuditScheduling.RequestRefusal.self) {
            try AuditScheduling.request(under: agreement, in: register, id: "nouvel-audit", notified: day("2026-03-01"), start: day("2026-04-06"))
        }
        do {
            _ = try AuditScheduling.request(under: agreement, in: register, id: "nouvel-audit", notified: day("2026-03-01"), start: day("2026-04-06"))
        } catch .obstacle(let obstacle) {
            #expect(obstacle.earliest == day("2027-02-09"))
            guard case .beyondCap(let previous, let cap) = obstacle else { Issue.record("\(obstacle)"); return }
            #expect(previous.id == "audit")
            #expect(cap.term.clause == "Art. 9.3")
        } catch {
            Issue.record("\(error)")
        }
        do {
            _ = try AuditScheduling.request(under: CompleteRegister.agreement, in: CompleteRegister.register, id: "nouvel-audit",
                                            notified: day("2026-06-15"), start: day("2026-06-01"))
        } catch .obstacle(.beforeNotified(let earliest, _)) {
            #expect(earliest == day("2026-07-15"))  // 30 days of notice from 15 June
        } catch {
            Issue.record("\(error)")
        }
        // On a ground the cap exempts, the same request is accepted.
        let exempt = try AuditScheduling.request(under: agreement, in: register, id: "nouvel-audit", notified: day("2026-03-01"),
                                                 start: day("2026-04-06"), ground: .afterBreach)
        #expect(exempt.ground == .afterBreach)
    }

    @Test("a closed objection window asks for its outcome instead of being overdue, and goes once it is recorded")
    func closedWindow() throws {
        var register = CompleteRegister.with(agreement: {
            $0.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur",
                                                   noticeDate: day("2026-03-02"))]
        })
        let before = instant("2026-03-10T12:00"), after = instant("2026-03-20T12:00")
        let window = try #require(DeadlineSchedule.deadlines(in: register, now: before).first { $0.what.en.contains("objection") })
        #expect(window.dueDay == day("2026-03-17"))
        #expect(window.status(at: before) == .upcoming)
        #expect(window.status(at: after) == .outcomeToRecord)
        try register.agreements[0].record(.accepted, ofChange: "ajout-sms", on: day("2026-03-18"))
        #expect(register.agreements[0].changeNotices[0].decided == day("2026-03-18"))
        #expect(!DeadlineSchedule.deadlines(in: register, now: after).contains { $0.what.en.contains("objection") })
    }

    @Test("an outcome is refused for an unknown change, as pending, or before the notice")
    func outcomeRefused() {
        var agreement = CompleteRegister.agreement
        agreement.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur", noticeDate: day("2026-03-02"))]
        #expect(throws: DataProcessingAgreement.OutcomeRefusal.unknownChange("autre")) { try agreement.record(.accepted, ofChange: "autre", on: day("2026-03-20")) }
        #expect(throws: DataProcessingAgreement.OutcomeRefusal.notAnOutcome) { try agreement.record(.pending, ofChange: "ajout-sms", on: day("2026-03-20")) }
        #expect(throws: DataProcessingAgreement.OutcomeRefusal.beforeNotice(day("2026-03-02"))) { try agreement.record(.objected, ofChange: "ajout-sms", on: day("2026-03-01")) }
    }

    @Test("the processor's conduct is checked under the reading strictest for it: the longest objection window")
    func changeCheckedUnderLongestWindow() {
        // 5 calendar days (Art. 7.2) and 15 days (the field): applied on the 10th day is too early.
        let register = CompleteRegister.with(agreement: {
            $0.subProcessorAuthorisation?.noticePeriod = DeadlinePeriod(5, .days)
            $0.terms = [ContractTerm(.objectionWindow, period: DeadlinePeriod(5, .days), counting: .calendar, clause: "Art. 7.2")]
            $0.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur",
                                                   noticeDate: day("2026-03-02"), outcome: .accepted, applied: day("2026-03-12"))]
        })
        #expect(Set(RegisterCheck.findings(in: register).map(\.code)) == [.art28_term_conflict, .art28_2_change_before_deadline])
    }
}
