import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// One thing removed or spoilt in the complete register, and the rule that must then fire.
struct Breakage: Sendable, CustomTestStringConvertible {
    let code: FindingCode
    let severity: Finding.Severity
    let change: String
    let register: Register
    /// The moment of the check, for the rules that ask whether something is late.
    let now: Date?

    var testDescription: String { "\(code): \(change)" }

    init(_ code: FindingCode, _ change: String, severity: Finding.Severity = .error, now: Date? = nil, _ register: Register) {
        self.code = code
        self.change = change
        self.severity = severity
        self.now = now
        self.register = register
    }
}

let usTransfer = Transfer(recipient: "Éditeur américain", destination: .country("US"))

let breakages: [Breakage] = [
    Breakage(.art30_1_a_controller_unknown, "controller id names no organisation",
             CompleteRegister.with(activity: { $0.controller = "nobody" })),
    Breakage(.art30_1_a_controller_contact, "controller without address, email or phone",
             withoutProcessorRecords(CompleteRegister.with(organisation: "commune") { $0.address = nil; $0.email = nil })),
    Breakage(.art30_1_a_dpo, "public controller without DPO",
             CompleteRegister.with(organisation: "commune") { $0.dpo = nil }),
    Breakage(.art30_1_a_dpo, "private controller without DPO", severity: .warning,
             CompleteRegister.with(organisation: "commune") { $0.dpo = nil; $0.isPublicBody = false }),
    Breakage(.art30_1_a_dpo, "DPO that cannot be reached",
             CompleteRegister.with(organisation: "commune") { $0.dpo = Contact(name: "Quelqu'un") }),
    Breakage(.art30_1_a_representative, "private controller established in the US without EU representative", severity: .warning,
             CompleteRegister.with(organisation: "commune") { $0.country = "US"; $0.isPublicBody = false }),
    Breakage(.art26_arrangement, "joint controller without arrangement", severity: .warning,
             CompleteRegister.with(activity: { $0.jointControllers = [.init(organisation: "anct")] })),
    Breakage(.art30_1_b_purposes, "no purpose", CompleteRegister.with(activity: { $0.purposes = [] })),
    Breakage(.art6_1_legal_basis, "no legal basis", CompleteRegister.with(activity: { $0.legalBases = [] })),
    Breakage(.art6_1_f_public_body, "public body relying on legitimate interests", severity: .warning,
             CompleteRegister.with(activity: { $0.legalBases = [LegalBasis(.legitimateInterests)] })),
    Breakage(.art30_1_c_data_subjects, "no data subjects", CompleteRegister.with(activity: { $0.dataSubjects = [] })),
    Breakage(.art30_1_c_data_categories, "no data categories", CompleteRegister.with(activity: { $0.dataCategories = [] })),
    Breakage(.art9_2_condition, "health data without Art. 9(2) condition",
             CompleteRegister.with(activity: { $0.specialCategories = [SpecialCategoryData(.health)] })),
    Breakage(.art10_legal_ground, "criminal-offence data without legal ground",
             CompleteRegister.with(activity: { $0.criminalOffenceData = CriminalOffenceData(description: "Casier judiciaire") })),
    Breakage(.art30_1_d_recipients, "no recipients", CompleteRegister.with(activity: { $0.recipients = [] })),
    Breakage(.art30_1_e_transfer_safeguard, "transfer to the US without safeguard",
             CompleteRegister.with(activity: { $0.transfers = [usTransfer] })),
    Breakage(.art30_1_e_transfer_safeguard, "transfer to an international organisation without safeguard",
             CompleteRegister.with(activity: {
                 $0.transfers = [Transfer(recipient: "OMS", destination: .internationalOrganisation("OMS"))]
             })),
    Breakage(.art30_1_e_transfer_documentation, "compelling legitimate interests without documentation",
             CompleteRegister.with(activity: {
                 $0.transfers = [Transfer(recipient: "X", destination: .country("IN"), safeguard: .compellingLegitimateInterests)]
             })),
    Breakage(.art30_1_f_retention, "no retention period", CompleteRegister.with(activity: { $0.retention = [] })),
    Breakage(.art30_1_f_retention_open_ended, "duration with no starting event",
             CompleteRegister.with(activity: { $0.retention = [RetentionPeriod(rule: .duration(PeriodLength(5, .years), from: nil))] })),
    Breakage(.art30_1_g_security, "no security measure", CompleteRegister.with(activity: { $0.securityMeasures = [] })),
    Breakage(.art28_processor_unknown, "processor id names no organisation",
             CompleteRegister.with(activity: { $0.processors = [ProcessorEngagement(processor: "ghost", service: "SMS")] })),
    Breakage(.art35_dpia_missing, "two EDPB criteria and no DPIA",
             CompleteRegister.with(activity: {
                 $0.impactAssessment = ImpactAssessment(criteria: [.sensitiveOrHighlyPersonalData, .vulnerableDataSubjects], status: .required)
             })),
    Breakage(.art35_dpia_missing, "two EDPB criteria and no status at all",
             CompleteRegister.with(activity: { $0.impactAssessment = ImpactAssessment(criteria: [.largeScale, .systematicMonitoring]) })),
    Breakage(.art35_dpia_not_assessed, "children's health data, and not a word of a DPIA", severity: .warning,
             CompleteRegister.with(activity: {
                 $0.specialCategories = [SpecialCategoryData(.health, condition: .explicitConsent)]
                 $0.dataSubjects = [Category("Enfants")]
             })),
    Breakage(.art30_2_a_party_unknown, "processor record naming an unknown controller",
             CompleteRegister.with(processorRecord: { $0.controller = "ghost" })),
    Breakage(.art30_2_a_processor_contact, "processor without contact details",
             CompleteRegister.with(organisation: "anct") { $0.address = nil }),
    Breakage(.art30_2_a_controller_contact, "served controller without contact details",
             withoutActivities(CompleteRegister.with(organisation: "commune") { $0.address = nil; $0.email = nil })),
    Breakage(.art30_2_a_dpo, "public processor without DPO", CompleteRegister.with(organisation: "anct") { $0.dpo = nil }),
    Breakage(.art30_2_b_categories, "no category of processing",
             CompleteRegister.with(processorRecord: { $0.processingCategories = [] })),
    Breakage(.art30_2_c_transfer_safeguard, "processor's transfer to the US without safeguard",
             CompleteRegister.with(processorRecord: { $0.transfers = [usTransfer] })),
    Breakage(.art30_2_c_transfer_documentation, "processor's transfer on compelling interests without documentation",
             CompleteRegister.with(processorRecord: {
                 $0.transfers = [Transfer(recipient: "X", destination: .country("IN"), safeguard: .compellingLegitimateInterests)]
             })),
    Breakage(.art30_2_d_security, "processor record without security measure",
             CompleteRegister.with(processorRecord: { $0.securityMeasures = [] })),
    Breakage(.art28_party_unknown, "agreement naming an unknown controller",
             CompleteRegister.with(agreement: { $0.controllers.append("fantome") })),
    Breakage(.art28_3_description, "agreement without subject matter nor data types",
             CompleteRegister.with(agreement: { $0.subjectMatter = nil; $0.dataTypes = [] })),
] + AgreementClause.Kind.allCases.prefix(8).map { kind in
    Breakage(clauseCode[kind]!, "no clause \(kind.article)",
             CompleteRegister.with(agreement: { $0.clauses.removeAll { $0.kind == kind } }))
} + [
    Breakage(.art28_2_authorisation, "sub-processors without any authorisation",
             CompleteRegister.with(agreement: { $0.clauses.removeAll { $0.kind == .subProcessorAuthorisation }; $0.subProcessorAuthorisation = nil })),
    Breakage(.art28_2_notice_period, "general authorisation without notice period", severity: .warning,
             CompleteRegister.with(agreement: { $0.subProcessorAuthorisation?.noticePeriod = nil })),
    Breakage(.art28_3_h_audit_notice, "audit clause without notice period", severity: .warning,
             CompleteRegister.with(agreement: { $0.auditTerms = AuditTerms() }) |> { withoutAudits($0) }),
    Breakage(.art33_2_breach_terms, "breach clause without time limit", severity: .warning,
             CompleteRegister.with(agreement: { $0.breachTerms?.timeLimit = nil })),
    Breakage(.art33_2_breach_terms, "breach clause without contents", severity: .warning,
             CompleteRegister.with(agreement: { $0.breachTerms?.contents = [] })),
    Breakage(.art46_transfer_mechanism, "transfer clause naming no mechanism",
             CompleteRegister.with(agreement: { $0.transferTerms?.mechanisms = [] })),
    Breakage(.art44_sub_processor_safeguard, "sub-processor in the US without safeguard (the transfer is in the activity)",
             CompleteRegister.with(agreement: { $0.subProcessors[0].countries = ["FR", "US"] }) |> { register in
                 var register = register
                 register.activities[0].transfers = [Transfer(recipient: "Hébergeur", destination: .country("US"), safeguard: .standardContractualClauses)]
                 return register
             }),
    Breakage(.art28_2_no_notice, "sub-processor engaged after signature with no notice",
             CompleteRegister.with(agreement: { $0.subProcessors[0].authorisedSince = CalendarDate(year: 2026, month: 6, day: 1) })),
    Breakage(.art28_2_no_notice, "sub-processor referring to a notice that is not recorded",
             CompleteRegister.with(agreement: { $0.subProcessors[0].changeNotice = "avis-perdu" })),
    Breakage(.art28_2_change_before_deadline, "change applied on the last day of the objection period",
             CompleteRegister.with(agreement: {
                 // Notice on Monday 2 March 2026; 15 days → Tuesday 17 March is the last day to object. The
                 // advance notice is 15 days too, so that only the window is at fault.
                 $0.subProcessorAuthorisation?.noticePeriod = DeadlinePeriod(15, .days)
                 $0.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur",
                                                        noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!, outcome: .accepted,
                                                        applied: CalendarDate(year: 2026, month: 3, day: 17))]
             })),
    Breakage(.art28_2_applied_despite_objection, "change applied although the controller objected",
             CompleteRegister.with(agreement: {
                 $0.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur",
                                                        noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!, outcome: .objected,
                                                        applied: CalendarDate(year: 2026, month: 4, day: 1))]
             })),
    // Issue 14: one clause gives 5 days to object, another 15.
    Breakage(.art28_term_conflict, "objection window stated as 15 days and as 5 calendar days",
             CompleteRegister.with(agreement: {
                 $0.terms = [ContractTerm(.objectionWindow, period: DeadlinePeriod(5, .days), counting: .calendar, clause: "Annexe 2, art. 4")]
             })),
    // Issue 14: three audits in six weeks under a cap of one a year; an audit before the processor is told.
    Breakage(.audit_cap_exceeded, "a second audit five weeks after the first, under a cap of one in twelve months",
             cappedAudits(secondStart: CalendarDate(year: 2026, month: 3, day: 16)!)),
    Breakage(.audit_before_notified, "an audit starting five days before the processor is told",
             CompleteRegister.with(audit: { $0.plannedStart = CalendarDate(year: 2026, month: 1, day: 5)! })),
    Breakage(.art28_3_h_information_only, "an audit clause giving written questions only",
             CompleteRegister.with(agreement: { $0.auditTerms?.access = .informationOnly })),
    Breakage(.art28_2_used_before_disclosure, "a sub-processor used eighteen months before its change notice",
             CompleteRegister.with(agreement: {
                 $0.changeNotices = [SubProcessorChange(id: "ajout-hebergeur", kind: .addition, subProcessor: "hebergeur",
                                                        noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!, outcome: .accepted)]
                 $0.subProcessors[0].changeNotice = "ajout-hebergeur"
                 $0.subProcessors[0].authorisedSince = CalendarDate(year: 2024, month: 9, day: 2)
             })),
    Breakage(.art28_2_change_notice_too_short, "a change in effect 18 days after notice, 30 days promised",
             CompleteRegister.with(agreement: {
                 $0.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur",
                                                        noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!, outcome: .accepted,
                                                        applied: CalendarDate(year: 2026, month: 3, day: 20))]
             })),
    Breakage(.matrix_party_unknown, "matrix cell for someone who is not a party",
             CompleteRegister.with(matrix: { $0.rows[1].cells.append(.init(party: "hebergeur", obligations: ["Héberger"])) })),
    Breakage(.matrix_domain_uncarried, "a domain nobody carries",
             CompleteRegister.with(matrix: { $0.rows[0].cells = [] })),
    Breakage(.matrix_controller_duty, "breaches carried by the processor alone",
             CompleteRegister.with(matrix: { $0.rows[0].cells.removeAll { $0.party == "commune" } })),
    // Issue 22: an audit's own dates out of order.
    Breakage(.audit_closing_before_kickoff, "a closing meeting five days before the kickoff",
             CompleteRegister.with(audit: { $0.kickoffMeeting = $0.plannedStart; $0.closingMeeting = CalendarDate(year: 2026, month: 2, day: 4)! })),
    Breakage(.audit_closing_before_kickoff, "a closing meeting before the start, with no kickoff",
             CompleteRegister.with(audit: { $0.closingMeeting = CalendarDate(year: 2026, month: 2, day: 8)! })),
    Breakage(.audit_kickoff_before_start, "a kickoff a day before the planned start",
             CompleteRegister.with(audit: { $0.kickoffMeeting = CalendarDate(year: 2026, month: 2, day: 8)! })),
    Breakage(.audit_report_before_start, "a report shared in 2020, before the processor was told",
             CompleteRegister.with(audit: { $0.reportShared = CalendarDate(year: 2020, month: 6, day: 1)! })),
    Breakage(.audit_report_before_start, "a report shared after notice, before the start",
             CompleteRegister.with(audit: { $0.reportShared = CalendarDate(year: 2026, month: 2, day: 8)! })),
    Breakage(.audit_agreement_unknown, "audit under an agreement that is not there",
             CompleteRegister.with(audit: { $0.agreement = "autre-accord" })),
    Breakage(.audit_notice_too_short, "audit 29 days after notice",
             CompleteRegister.with(audit: { $0.plannedStart = CalendarDate(year: 2026, month: 2, day: 8)! })),
    Breakage(.art33_1_overdue, "not notified, asked 73 hours after awareness",
             now: CompleteRegister.aware.addingTimeInterval(73 * 3600),
             CompleteRegister.with(breach: { $0.notifications = [] })),
    Breakage(.art33_1_late_without_reasons, "notified at 73 hours with no reasons for the delay",
             CompleteRegister.with(breach: { $0.notifications[0].at = CompleteRegister.aware.addingTimeInterval(73 * 3600) })),
    Breakage(.art33_2_processor_late, "the processor told the controller 49 hours after detection (limit 48)", severity: .warning,
             CompleteRegister.with(breach: {
                 $0.processorNotifiedController = $0.detected!.addingTimeInterval(49 * 3600)
                 $0.aware = $0.processorNotifiedController!
                 $0.notifications[0].at = $0.aware.addingTimeInterval(3600)
             })),
    Breakage(.art33_3_content, "notified, incomplete, likely consequences missing", severity: .warning,
             CompleteRegister.with(breach: { $0.likelyConsequences = nil; $0.notifications[0].complete = false })),
    Breakage(.art33_5_not_assessed, "the risk is not assessed", severity: .warning,
             CompleteRegister.with(breach: { $0.assessment = nil })),
    Breakage(.art34_1_communication, "high risk, no communication and no Art. 34(3) exception",
             CompleteRegister.with(breach: { $0.assessment?.data = [.init(.sensitive)] })),
    Breakage(.art34_3_a_not_shown, "unintelligible data claimed with no encryption recorded",
             CompleteRegister.with(breach: { $0.assessment?.data = [.init(.sensitive)]; $0.communication = SubjectCommunication(exception: .unintelligible) })),
    Breakage(.art34_3_a_not_shown, "unintelligible data claimed while identification is maximum",
             CompleteRegister.with(breach: {
                 $0.assessment?.override = RiskAssessment.Override(.high, justification: "Prudence")
                 $0.encryption = Encryption(.stateOfTheArt, keyCompromised: false)
                 $0.communication = SubjectCommunication(exception: .unintelligible)
             })),
    Breakage(.art34_3_b_not_shown, "risk no longer likely, with no measure recorded",
             CompleteRegister.with(breach: { $0.assessment?.data = [.init(.sensitive)]; $0.measures = []; $0.communication = SubjectCommunication(exception: .riskNoLongerLikely) })),
    Breakage(.art34_3_b_not_shown, "risk no longer likely, although fraud has been seen",
             CompleteRegister.with(breach: { $0.observedConsequences = [.fraud]; $0.communication = SubjectCommunication(exception: .riskNoLongerLikely) })),
    Breakage(.art34_3_c_no_public_communication, "disproportionate effort, no public communication recorded",
             CompleteRegister.with(breach: { $0.assessment?.data = [.init(.sensitive)]; $0.communication = SubjectCommunication(exception: .disproportionateEffort) })),
    Breakage(.art34_3_not_high_risk, "an exception for a breach whose risk is not high", severity: .warning,
             CompleteRegister.with(breach: { $0.communication = SubjectCommunication(exception: .riskNoLongerLikely) })),
    Breakage(.breach_facts_contradict, "exfiltration excluded while recipients of unknown intentions hold the data",
             CompleteRegister.with(breach: {
                 $0.exfiltration = Exfiltration(.excluded, evidence: "Journaux")
                 $0.disclosure = Disclosure(.intentionsUnknown, recipients: "Un tiers")
             })),
    Breakage(.breach_end_before_start, "ended an hour before it started",
             CompleteRegister.with(breach: { $0.occurredFrom = $0.aware.addingTimeInterval(-7200); $0.occurredTo = $0.aware.addingTimeInterval(-10_800) })),
    Breakage(.breach_started_after_awareness, "started an hour after the controller became aware",
             CompleteRegister.with(breach: { $0.occurredFrom = $0.aware.addingTimeInterval(3600) })),
    Breakage(.breach_detected_after_awareness, "detected an hour after awareness",
             CompleteRegister.with(breach: { $0.detected = $0.aware.addingTimeInterval(3600) })),
    Breakage(.breach_aware_in_future, "aware an hour after the moment of the check",
             now: CompleteRegister.aware.addingTimeInterval(-3600), CompleteRegister.register),
    Breakage(.breach_recorded_in_future, "notified twenty hours after awareness, checked ten hours after it",
             now: CompleteRegister.aware.addingTimeInterval(10 * 3600), CompleteRegister.register),
    Breakage(.breach_recorded_in_future, "people told a day after the moment of the check",
             now: CompleteRegister.aware.addingTimeInterval(30 * 3600),
             CompleteRegister.with(breach: { $0.communication = SubjectCommunication(at: CompleteRegister.aware.addingTimeInterval(54 * 3600)) })),
    Breakage(.breach_notified_before_awareness, "notified an hour before awareness",
             CompleteRegister.with(breach: { $0.notifications[0].at = $0.aware.addingTimeInterval(-3600) })),
    Breakage(.art33_4_follow_up_before_initial, "a follow-up ten hours before the initial notification",
             CompleteRegister.with(breach: { $0.notifications.append(AuthorityNotification(kind: .followUp, at: $0.aware.addingTimeInterval(10 * 3600))) })),
    Breakage(.art33_4_follow_up_before_initial, "a follow-up with no initial notification",
             CompleteRegister.with(breach: { $0.notifications[0].kind = .followUp })),
]

let clauseCode: [AgreementClause.Kind: FindingCode] = [
    .instructions: .art28_3_a_instructions, .confidentiality: .art28_3_b_confidentiality, .security: .art28_3_c_security,
    .subProcessing: .art28_3_d_sub_processing, .dataSubjectRights: .art28_3_e_data_subject_rights,
    .assistance: .art28_3_f_assistance, .endOfServices: .art28_3_g_end_of_services, .audits: .art28_3_h_audits,
]

infix operator |>: AdditionPrecedence
func |> (register: Register, change: (Register) -> Register) -> Register { change(register) }

/// The complete register under a cap of one audit in any twelve months (except after a breach), with a
/// second audit starting on `secondStart`, notified 34 days before.
func cappedAudits(secondStart: CalendarDate, ground: ContractTerm.CapException? = nil) -> Register {
    var register = CompleteRegister.with(agreement: {
        $0.terms = [ContractTerm(.auditFrequency, period: DeadlinePeriod(12, .months), counting: .calendar, clause: "Art. 9.3",
                                 exceptions: [.afterBreach])]
    })
    register.audits.append(AuditRequest(
        id: "audit-2", agreement: "dpa", requester: "commune", auditee: "anct",
        notified: secondStart.adding(days: -34), plannedStart: secondStart, ground: ground))
    return register
}

/// A register without its audit, so that an agreement rule about audits is seen alone.
func withoutAudits(_ register: Register) -> Register {
    var register = register
    register.audits = []
    return register
}

/// A register without its processor record, so that an activity rule is seen alone.
func withoutProcessorRecords(_ register: Register) -> Register {
    var register = register
    register.processorRecords = []
    return register
}

/// A register without its activity, so that a processor-record rule is seen alone.
func withoutActivities(_ register: Register) -> Register {
    var register = register
    register.activities = []
    return register
}

@Suite("Register checks")
struct RegisterCheckTests {
    @Test("the complete register is quiet, whenever it is checked")
    func quiet() {
        #expect(RegisterCheck.findings(in: CompleteRegister.register) == [])
        #expect(RegisterCheck.findings(in: CompleteRegister.register, now: CompleteRegister.aware.addingTimeInterval(365 * 86_400)) == [])
    }

    @Test("each gap fires its own rule, and only that rule", arguments: breakages)
    func fires(_ breakage: Breakage) throws {
        let findings = RegisterCheck.findings(in: breakage.register, now: breakage.now)
        let finding = try #require(findings.first { $0.code == breakage.code }, "no \(breakage.code) in \(findings.map(\.code))")
        #expect(finding.severity == breakage.severity)
        #expect(finding.article.hasPrefix("Art. "))
        #expect(!finding.message.fr.isEmpty && !finding.message.en.isEmpty && finding.message.fr != finding.message.en)
        #expect(Set(findings.map(\.code)) == [breakage.code], "other rules fired too: \(findings.map(\.code))")
    }

    @Test("an audit whose meetings and report follow its start, on the same day or later, is quiet", arguments: [
        (9, 9, 9), (9, 20, 27), (15, 15, 16),
    ])
    func auditTimelineQuiet(kickoff: Int, closing: Int, report: Int) {
        let register = CompleteRegister.with(audit: {
            $0.kickoffMeeting = CalendarDate(year: 2026, month: 2, day: kickoff)!
            $0.closingMeeting = CalendarDate(year: 2026, month: 2, day: closing)!
            $0.reportShared = CalendarDate(year: 2026, month: 2, day: report)!
        })
        #expect(RegisterCheck.findings(in: register) == [])
        #expect(RegisterCheck.findings(in: register, rules: RegisterCheck.auditTimelineRules) == [])
    }

    @Test("every rule has a test that shows it firing")
    func everyRuleCovered() {
        #expect(Set(RegisterCheck.rules.map(\.code)) == Set((breakages + acrossEntryBreakages + requestBreakages).map(\.code)))
    }

    @Test("rule codes are unique")
    func uniqueCodes() {
        let codes = RegisterCheck.rules.map(\.code)
        #expect(Set(codes).count == codes.count)
    }

    @Test("transfers inside the EEA are not transfers under Chapter V", arguments: ["DE", "NO", "IS", "LI", "fr"])
    func insideEEA(_ country: String) {
        let register = CompleteRegister.with(activity: {
            $0.transfers = [Transfer(recipient: "Partenaire", destination: .country(country))]
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("a transfer with a safeguard is quiet", arguments: Transfer.Safeguard.allCases.filter { $0 != .compellingLegitimateInterests })
    func safeguarded(_ safeguard: Transfer.Safeguard) {
        let register = CompleteRegister.with(activity: {
            $0.transfers = [Transfer(recipient: "Éditeur", destination: .country("US"), safeguard: safeguard)]
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("compelling legitimate interests with documentation are quiet")
    func documentedDerogation() {
        let register = CompleteRegister.with(activity: {
            $0.transfers = [Transfer(recipient: "X", destination: .country("IN"), safeguard: .compellingLegitimateInterests,
                                     documentation: "Évaluation et garanties, note du 3 mars")]
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("special categories with a condition, criminal data with a ground: quiet")
    func lawfulSensitiveData() {
        let register = CompleteRegister.with(activity: {
            $0.specialCategories = [SpecialCategoryData(.health, condition: .healthOrSocialCare)]
            $0.criminalOffenceData = CriminalOffenceData(description: "Casier", legalGround: "Code de procédure pénale, art. 776")
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("a criterion-based retention is not open-ended")
    func criterionRetention() {
        let register = CompleteRegister.with(activity: {
            $0.retention = [RetentionPeriod(rule: .criterion("Archivage définitif, Code du patrimoine art. L212-2"))]
        })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("DPIA: one criterion, or two with the DPIA done or under way, is quiet", arguments: [
        ImpactAssessment(criteria: [.largeScale]),
        ImpactAssessment(criteria: [.largeScale, .largeScale]),
        ImpactAssessment(criteria: [.largeScale, .vulnerableDataSubjects], status: .done),
        ImpactAssessment(criteria: [.largeScale, .vulnerableDataSubjects], status: .inProgress),
    ])
    func dpiaQuiet(_ assessment: ImpactAssessment) {
        let register = CompleteRegister.with(activity: { $0.impactAssessment = assessment })
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("a private controller may rely on legitimate interests")
    func privateLegitimateInterests() {
        var register = CompleteRegister.with(activity: { $0.legalBases = [LegalBasis(.legitimateInterests)] })
        register.organisations[0].isPublicBody = false
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("findings follow the register's order and name their entry")
    func order() {
        var register = CompleteRegister.register
        var second = CompleteRegister.activity
        second.id = "second"
        second.purposes = []
        register.activities[0].recipients = []
        register.activities.append(second)
        let findings = RegisterCheck.findings(in: register)
        #expect(findings.map(\.subject) == [.init(.activity, "rdv"), .init(.activity, "second")])
        #expect(findings.map(\.code) == [.art30_1_d_recipients, .art30_1_b_purposes])
        #expect(findings.hasErrors)
    }
}
