import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Each rule of the requests, firing and quiet.
@Suite("Requests of the people: the checks of Art. 12, 15(1) and 19")
struct RequestRulesTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// A request received 31 January 2025 (its month ends on Friday 28 February), answered in full on time.
    static var inOrder: DataSubjectRequest {
        DataSubjectRequest(
            id: "request-1", controller: "mende", person: "dossier 14", receipt: RequestReceipt(day: day("2025-01-31"), channel: .letter),
            rights: [.access], activities: ["etat-civil"], answer: RequestAnswer(sent: day("2025-02-20"), outcome: .granted))
    }

    static func codes(_ request: DataSubjectRequest, now: Date? = nil) -> [FindingCode] {
        let register = Register(
            organisations: [Organisation(id: "mende", name: "Mende", isPublicBody: true, country: "FR")],
            activities: [ProcessingActivity(id: "etat-civil", name: "État civil", controller: "mende")],
            requests: [request])
        return RegisterCheck.findings(in: register, now: now, rules: RegisterCheck.requestRules).map(\.code)
    }

    @Test("a request handled in order is quiet, with and without a moment")
    func quiet() {
        #expect(Self.codes(Self.inOrder).isEmpty)
        #expect(Self.codes(Self.inOrder, now: DeadlineCalculator().start(of: Self.day("2026-01-01"))).isEmpty)
    }

    @Test("ART12-3-REQUEST-OVERDUE: unanswered past its last day, at the moment of the check only")
    func overdue() {
        var request = Self.inOrder
        request.answer = nil
        #expect(Self.codes(request, now: DeadlineCalculator().start(of: Self.day("2025-02-28"))).isEmpty)
        #expect(Self.codes(request, now: DeadlineCalculator().start(of: Self.day("2025-03-01"))) == [.art12_3_request_overdue])
        #expect(Self.codes(request).isEmpty)
    }

    @Test("ART12-3-ANSWER-LATE: an answer after one month without a valid extension; quiet within three months extended")
    func answerLate() {
        var request = Self.inOrder
        request.answer?.sent = Self.day("2025-03-10")
        #expect(Self.codes(request) == [.art12_3_answer_late])
        request.extended = RequestExtension(decided: Self.day("2025-02-10"), reason: "Volume", personTold: Self.day("2025-02-11"))
        #expect(Self.codes(request).isEmpty)
    }

    @Test("ART12-3-EXTENSION-LATE: decided or told after the first month")
    func extensionLate() {
        var request = Self.inOrder
        request.extended = RequestExtension(decided: Self.day("2025-02-10"), reason: "Volume", personTold: Self.day("2025-03-03"))
        #expect(Self.codes(request) == [.art12_3_extension_late])
        request.extended = RequestExtension(decided: Self.day("2025-03-03"), reason: "Volume", personTold: Self.day("2025-03-03"))
        #expect(Self.codes(request) == [.art12_3_extension_late, .art12_3_extension_late])
    }

    @Test("ART12-4-REFUSAL-REASONS: a refusal without its reason or the remedies; quiet with both")
    func refusal() {
        var request = Self.inOrder
        request.answer = RequestAnswer(sent: Self.day("2025-02-20"), outcome: .refused)
        #expect(Self.codes(request) == [.art12_4_refusal_reasons, .art12_4_refusal_reasons])
        request.answer = RequestAnswer(sent: Self.day("2025-02-20"), outcome: .partly, reason: "Secret des affaires", exception: "Art. 15(4)", remediesGiven: true)
        #expect(Self.codes(request).isEmpty)
    }

    @Test("ART12-5-REASONING: manifestly unfounded or excessive without the reasoning")
    func abuse() {
        var request = Self.inOrder
        request.manifestAbuse = ManifestAbuse(ground: .excessive)
        #expect(Self.codes(request) == [.art12_5_reasoning])
        request.manifestAbuse?.reasoning = "Cinquième demande identique en trois mois"
        #expect(Self.codes(request).isEmpty)
    }

    @Test("ART12-6-DOUBT: identity information asked for without the doubt stated")
    func doubt() {
        var request = Self.inOrder
        request.identity = IdentityVerification(asked: Self.day("2025-02-03"), received: Self.day("2025-02-05"))
        #expect(Self.codes(request) == [.art12_6_doubt])
        request.identity?.doubt = "Signature différente"
        #expect(Self.codes(request).isEmpty)
    }

    @Test("ART15-1-UNREGISTERED-PROCESSING: one finding per processing the register lacks")
    func unregistered() {
        var request = Self.inOrder
        request.unregisteredProcessing = ["Vidéoprotection du parking", "Badges"]
        #expect(Self.codes(request) == [.art15_1_unregistered_processing, .art15_1_unregistered_processing])
    }

    @Test("ART19-RECIPIENTS: erasure granted with no record of the recipients told; quiet once recorded or refused")
    func recipients() {
        var request = Self.inOrder
        request.rights = [.erasure]
        #expect(Self.codes(request) == [.art19_recipients])
        request.recipients = RecipientNotification(kind: .noRecipient, day: Self.day("2025-02-20"))
        #expect(Self.codes(request).isEmpty)
        request.recipients = nil
        request.answer = RequestAnswer(sent: Self.day("2025-02-20"), outcome: .refused, reason: "Obligation légale", exception: "Art. 17(3)(b)", remediesGiven: true)
        #expect(Self.codes(request).isEmpty)
    }

    @Test("the access answer lists exactly what the register says of the activities concerned")
    func accessAnswer() {
        let activity = ProcessingActivity(
            id: "etat-civil", name: "État civil", controller: "mende", purposes: ["Tenue des registres d'état civil"],
            dataCategories: [Category("Identité")], recipients: [Recipient("Procureur de la République", kind: .publicAuthority)],
            retention: [RetentionPeriod(rule: .duration(PeriodLength(75, .years), from: "la clôture du registre"))])
        let register = Register(organisations: [Organisation(id: "mende", name: "Mende")], activities: [activity])
        var request = Self.inOrder
        request.activities = ["etat-civil", "gone"]
        let answer = AccessAnswer(request, in: register)
        #expect(answer.missing == ["gone"])
        #expect(answer.processing.count == 1)
        #expect(answer.processing.first?.purposes == activity.purposes)
        #expect(answer.processing.first?.dataCategories == ["Identité"])
        #expect(answer.processing.first?.recipients == ["Procureur de la République"])
        #expect(answer.processing.first?.retention.map(\.en) == ["75 years from la clôture du registre"])
        #expect(answer.processing.first?.transfers == [])
    }
}

/// The complete register with one request of its controller's, received Friday 30 January 2026 (its month
/// ends on Monday 2 March, 28 February being a Saturday), answered in full on 20 February, changed by
/// `change`.
func withRequest(_ change: (inout DataSubjectRequest) -> Void = { _ in }) -> Register {
    var request = DataSubjectRequest(
        id: "demande-1", controller: CompleteRegister.controller.id, person: "dossier 2026-001",
        receipt: RequestReceipt(day: CalendarDate(iso: "2026-01-30")!, channel: .email), rights: [.access],
        activities: [CompleteRegister.activity.id],
        answer: RequestAnswer(sent: CalendarDate(iso: "2026-02-20")!, outcome: .granted))
    change(&request)
    var register = CompleteRegister.register
    register.requests = [request]
    return register
}

/// One gap in the request of the complete register, and the rule that must then fire (and no other).
let requestBreakages: [Breakage] = [
    // Received 1 April 2026, after the complete register's breach: 1 May is a holiday, so Monday 4 May.
    Breakage(.art12_3_request_overdue, "unanswered, asked the day after its last day",
             now: DeadlineCalculator().start(of: CalendarDate(iso: "2026-05-05")!),
             withRequest { $0.receipt.day = CalendarDate(iso: "2026-04-01")!; $0.answer = nil }),
    Breakage(.art12_3_answer_late, "answered after one month without an extension",
             withRequest { $0.answer?.sent = CalendarDate(iso: "2026-03-03")! }),
    Breakage(.art12_3_extension_late, "the person told of the extension after the first month",
             withRequest { $0.extended = RequestExtension(decided: CalendarDate(iso: "2026-02-10")!, reason: "Volume", personTold: CalendarDate(iso: "2026-03-03")!) }),
    Breakage(.art12_4_refusal_reasons, "refused with its reason, without the remedies",
             withRequest { $0.answer = RequestAnswer(sent: CalendarDate(iso: "2026-02-20")!, outcome: .refused, reason: "Art. 15(4)") }),
    Breakage(.art12_5_reasoning, "manifestly unfounded without reasoning", withRequest { $0.manifestAbuse = ManifestAbuse(ground: .unfounded) }),
    Breakage(.art12_6_doubt, "identity asked for without a doubt stated", severity: .warning,
             withRequest { $0.identity = IdentityVerification(asked: CalendarDate(iso: "2026-02-02")!, received: CalendarDate(iso: "2026-02-03")!) }),
    Breakage(.art15_1_unregistered_processing, "the request revealed a processing the register lacks",
             withRequest { $0.unregisteredProcessing = ["Vidéoprotection"] }),
    Breakage(.art19_recipients, "erasure granted, recipients not told", severity: .warning, withRequest { $0.rights = [.erasure] }),
]

@Suite("Requests of the people in the complete register")
struct RequestBreakageTests {
    @Test("the complete register with a request handled in order is quiet, whenever it is checked")
    func quiet() {
        #expect(RegisterCheck.findings(in: withRequest()) == [])
        #expect(RegisterCheck.findings(in: withRequest(), now: DeadlineCalculator().start(of: CalendarDate(iso: "2027-01-01")!)) == [])
    }

    @Test("each gap fires its own rule, and only that rule", arguments: requestBreakages)
    func fires(_ breakage: Breakage) throws {
        let findings = RegisterCheck.findings(in: breakage.register, now: breakage.now)
        let finding = try #require(findings.first { $0.code == breakage.code }, "no \(breakage.code) in \(findings.map(\.code))")
        #expect(finding.severity == breakage.severity)
        #expect(finding.subject == Finding.Subject(.request, "demande-1"))
        #expect(!finding.message.fr.isEmpty && !finding.message.en.isEmpty && finding.message.fr != finding.message.en)
        #expect(Set(findings.map(\.code)) == [breakage.code], "other rules fired too: \(findings.map(\.code))")
    }
}
