/// The stable code of a rule, which every finding of that rule carries: what a DPO searches for, what a
/// scheduled job filters on, and what `Docs/checks.md` lists with its article.
///
/// The codes of registre's own rules are constants, grouped as `Docs/checks.md` groups them and named
/// after the printed code (`ART30-1-A-DPO` is ``art30_1_a_dpo``), so that a code read in a report leads to
/// its constant by a search:
///
/// ```swift
/// let late = RegisterCheck.findings(in: register, now: now).filter { $0.code == .art33_1_overdue }
/// ```
///
/// A house rule (``Rule``) names its own code with ``init(rawValue:)``; choose a prefix of your own so
/// that it never meets one of registre's.
///
/// The type is not `ExpressibleByStringLiteral` on purpose: a misspelt literal in a comparison would
/// compile and silently match nothing, where a misspelt constant does not compile.
public struct FindingCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code as printed in reports and written in XML findings, e.g. `ART30-1-A-DPO`.
    public let rawValue: String

    /// The code printed as `rawValue`, e.g. `ART30-1-A-DPO`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The code as printed: ``rawValue``.
    public var description: String { rawValue }
}

extension FindingCode {
    // MARK: Controller's record, Art. 30(1) — one finding per activity

    /// `ART30-1-A-CONTROLLER-UNKNOWN` (Art. 30(1)(a)): fires when the activity's controller is not an
    /// organisation of the register (only possible in a register built in code; the XSD refuses it in a
    /// file).
    ///
    /// Severity: error.
    public static let art30_1_a_controller_unknown = FindingCode(rawValue: "ART30-1-A-CONTROLLER-UNKNOWN")

    /// `ART30-1-A-CONTROLLER-CONTACT` (Art. 30(1)(a)): fires when the controller has no address, email or
    /// telephone.
    ///
    /// Severity: error.
    public static let art30_1_a_controller_contact = FindingCode(rawValue: "ART30-1-A-CONTROLLER-CONTACT")

    /// `ART30-1-A-DPO` (Art. 30(1)(a), Art. 37(1)(a)): fires when the controller has no DPO, or one with no
    /// way to reach them.
    ///
    /// Severity: error for a public body, warning otherwise.
    public static let art30_1_a_dpo = FindingCode(rawValue: "ART30-1-A-DPO")

    /// `ART30-1-A-REPRESENTATIVE` (Art. 30(1)(a), Art. 27, Art. 3(2)): fires when the controller has no
    /// establishment in the EEA (its `country` and `establishment`s), is not a public body (Art. 27(2)(b)),
    /// is not recorded as `targets-union="false"` (Art. 3(2) does not reach it), and no representative in the
    /// Union is recorded; where `targets-union` is not stated the message asks the DPO to record it.
    ///
    /// Severity: warning.
    public static let art30_1_a_representative = FindingCode(rawValue: "ART30-1-A-REPRESENTATIVE")

    /// `ART26-ARRANGEMENT` (Art. 26(1)): fires when a joint controller is listed without the arrangement that
    /// shares the responsibilities.
    ///
    /// Severity: warning.
    public static let art26_arrangement = FindingCode(rawValue: "ART26-ARRANGEMENT")

    /// `ART30-1-B-PURPOSES` (Art. 30(1)(b)): fires when no purpose.
    ///
    /// Severity: error.
    public static let art30_1_b_purposes = FindingCode(rawValue: "ART30-1-B-PURPOSES")

    /// `ART6-1-LEGAL-BASIS` (Art. 6(1)): fires when no legal basis.
    ///
    /// Severity: error.
    public static let art6_1_legal_basis = FindingCode(rawValue: "ART6-1-LEGAL-BASIS")

    /// `ART6-1-F-PUBLIC-BODY` (Art. 6(1), second subparagraph): fires when a public body relies on legitimate
    /// interests.
    ///
    /// Severity: warning.
    public static let art6_1_f_public_body = FindingCode(rawValue: "ART6-1-F-PUBLIC-BODY")

    /// `ART30-1-C-DATA-SUBJECTS` (Art. 30(1)(c)): fires when no category of data subjects.
    ///
    /// Severity: error.
    public static let art30_1_c_data_subjects = FindingCode(rawValue: "ART30-1-C-DATA-SUBJECTS")

    /// `ART30-1-C-DATA-CATEGORIES` (Art. 30(1)(c)): fires when no category of personal data.
    ///
    /// Severity: error.
    public static let art30_1_c_data_categories = FindingCode(rawValue: "ART30-1-C-DATA-CATEGORIES")

    /// `ART9-2-CONDITION` (Art. 9(2)): fires when a special category of data is processed with no Art. 9(2)
    /// condition (one finding per category).
    ///
    /// Severity: error.
    public static let art9_2_condition = FindingCode(rawValue: "ART9-2-CONDITION")

    /// `ART10-LEGAL-GROUND` (Art. 10): fires when criminal-offence data without the law that authorises the
    /// processing.
    ///
    /// Severity: error.
    public static let art10_legal_ground = FindingCode(rawValue: "ART10-LEGAL-GROUND")

    /// `ART30-1-D-RECIPIENTS` (Art. 30(1)(d)): fires when no category of recipients (internal services
    /// count).
    ///
    /// Severity: error.
    public static let art30_1_d_recipients = FindingCode(rawValue: "ART30-1-D-RECIPIENTS")

    /// `ART30-1-E-TRANSFER-SAFEGUARD` (Art. 30(1)(e), Art. 44): fires when a transfer to a country outside
    /// the EEA, or to an international organisation, names no Chapter V mechanism (one finding per transfer).
    ///
    /// Severity: error.
    public static let art30_1_e_transfer_safeguard = FindingCode(rawValue: "ART30-1-E-TRANSFER-SAFEGUARD")

    /// `ART30-1-E-TRANSFER-DOCUMENTATION` (Art. 30(1)(e), Art. 49(1)): fires when a transfer on compelling
    /// legitimate interests has no documentation of the safeguards.
    ///
    /// Severity: error.
    public static let art30_1_e_transfer_documentation = FindingCode(rawValue: "ART30-1-E-TRANSFER-DOCUMENTATION")

    /// `ART30-1-F-RETENTION` (Art. 30(1)(f)): fires when no retention period.
    ///
    /// Severity: error.
    public static let art30_1_f_retention = FindingCode(rawValue: "ART30-1-F-RETENTION")

    /// `ART30-1-F-RETENTION-OPEN-ENDED` (Art. 30(1)(f), Art. 5(1)(e)): fires when a retention duration has no
    /// starting event, so nobody can say when the data must go.
    ///
    /// Severity: error.
    public static let art30_1_f_retention_open_ended = FindingCode(rawValue: "ART30-1-F-RETENTION-OPEN-ENDED")

    /// `ART30-1-G-SECURITY` (Art. 30(1)(g), Art. 32(1)): fires when no security measure.
    ///
    /// Severity: error.
    public static let art30_1_g_security = FindingCode(rawValue: "ART30-1-G-SECURITY")

    /// `ART28-PROCESSOR-UNKNOWN` (Art. 30(1)(d), Art. 28(1)): fires when a processor of the activity is not
    /// an organisation of the register (register built in code).
    ///
    /// Severity: error.
    public static let art28_processor_unknown = FindingCode(rawValue: "ART28-PROCESSOR-UNKNOWN")

    /// `ART35-DPIA-MISSING` (Art. 35(1), Art. 35(3)): fires when the activity meets two or more EDPB criteria
    /// (WP248 rev.01) and no DPIA is done or in progress.
    ///
    /// Severity: error.
    public static let art35_dpia_missing = FindingCode(rawValue: "ART35-DPIA-MISSING")

    // MARK: Processor's record, Art. 30(2) — one finding per processor record

    /// `ART30-2-A-PARTY-UNKNOWN` (Art. 30(2)(a)): fires when the processor or the controller is not an
    /// organisation of the register (register built in code).
    ///
    /// Severity: error.
    public static let art30_2_a_party_unknown = FindingCode(rawValue: "ART30-2-A-PARTY-UNKNOWN")

    /// `ART30-2-A-PROCESSOR-CONTACT` (Art. 30(2)(a)): fires when the processor has no contact details.
    ///
    /// Severity: error.
    public static let art30_2_a_processor_contact = FindingCode(rawValue: "ART30-2-A-PROCESSOR-CONTACT")

    /// `ART30-2-A-CONTROLLER-CONTACT` (Art. 30(2)(a)): fires when the controller it acts for has no contact
    /// details.
    ///
    /// Severity: error.
    public static let art30_2_a_controller_contact = FindingCode(rawValue: "ART30-2-A-CONTROLLER-CONTACT")

    /// `ART30-2-A-DPO` (Art. 30(2)(a), Art. 37(1)(a)): fires when the processor has no DPO that can be
    /// reached.
    ///
    /// Severity: error for a public body, warning otherwise.
    public static let art30_2_a_dpo = FindingCode(rawValue: "ART30-2-A-DPO")

    /// `ART30-2-B-CATEGORIES` (Art. 30(2)(b)): fires when no category of processing carried out for the
    /// controller.
    ///
    /// Severity: error.
    public static let art30_2_b_categories = FindingCode(rawValue: "ART30-2-B-CATEGORIES")

    /// `ART30-2-C-TRANSFER-SAFEGUARD` (Art. 30(2)(c), Art. 44): fires when a transfer out of the EEA names no
    /// Chapter V mechanism.
    ///
    /// Severity: error.
    public static let art30_2_c_transfer_safeguard = FindingCode(rawValue: "ART30-2-C-TRANSFER-SAFEGUARD")

    /// `ART30-2-C-TRANSFER-DOCUMENTATION` (Art. 30(2)(c), Art. 49(1)): fires when a transfer on compelling
    /// legitimate interests has no documentation.
    ///
    /// Severity: error.
    public static let art30_2_c_transfer_documentation = FindingCode(rawValue: "ART30-2-C-TRANSFER-DOCUMENTATION")

    /// `ART30-2-D-SECURITY` (Art. 30(2)(d), Art. 32(1)): fires when no security measure.
    ///
    /// Severity: error.
    public static let art30_2_d_security = FindingCode(rawValue: "ART30-2-D-SECURITY")

    // MARK: Data-processing agreements, Art. 28 — one finding per agreement

    /// `ART28-PARTY-UNKNOWN` (Art. 28(3)): fires when a controller, the processor or a sub-processor of the
    /// agreement is not an organisation of the register (register built in code).
    ///
    /// Severity: error.
    public static let art28_party_unknown = FindingCode(rawValue: "ART28-PARTY-UNKNOWN")

    /// `ART28-3-DESCRIPTION` (Art. 28(3)): fires when the agreement does not set out its subject matter,
    /// duration, nature, purpose, type of data or categories of data subjects (one finding naming what is
    /// missing).
    ///
    /// Severity: error.
    public static let art28_3_description = FindingCode(rawValue: "ART28-3-DESCRIPTION")

    /// `ART28-3-A-INSTRUCTIONS` (Art. 28(3)(a)): fires when no clause: processing only on documented
    /// instructions, transfers included.
    ///
    /// Severity: error.
    public static let art28_3_a_instructions = FindingCode(rawValue: "ART28-3-A-INSTRUCTIONS")

    /// `ART28-3-B-CONFIDENTIALITY` (Art. 28(3)(b)): fires when no clause: authorised persons bound to
    /// confidentiality.
    ///
    /// Severity: error.
    public static let art28_3_b_confidentiality = FindingCode(rawValue: "ART28-3-B-CONFIDENTIALITY")

    /// `ART28-3-C-SECURITY` (Art. 28(3)(c)): fires when no clause: the measures of Art. 32.
    ///
    /// Severity: error.
    public static let art28_3_c_security = FindingCode(rawValue: "ART28-3-C-SECURITY")

    /// `ART28-3-D-SUB-PROCESSING` (Art. 28(3)(d)): fires when no clause: the conditions of Art. 28(2) and (4)
    /// for engaging another processor.
    ///
    /// Severity: error.
    public static let art28_3_d_sub_processing = FindingCode(rawValue: "ART28-3-D-SUB-PROCESSING")

    /// `ART28-3-E-DATA-SUBJECT-RIGHTS` (Art. 28(3)(e)): fires when no clause: assistance with data subjects'
    /// requests.
    ///
    /// Severity: error.
    public static let art28_3_e_data_subject_rights = FindingCode(rawValue: "ART28-3-E-DATA-SUBJECT-RIGHTS")

    /// `ART28-3-F-ASSISTANCE` (Art. 28(3)(f)): fires when no clause: assistance with Arts 32 to 36.
    ///
    /// Severity: error.
    public static let art28_3_f_assistance = FindingCode(rawValue: "ART28-3-F-ASSISTANCE")

    /// `ART28-3-G-END-OF-SERVICES` (Art. 28(3)(g)): fires when no clause: deletion or return of the data at
    /// the end of the services.
    ///
    /// Severity: error.
    public static let art28_3_g_end_of_services = FindingCode(rawValue: "ART28-3-G-END-OF-SERVICES")

    /// `ART28-3-H-AUDITS` (Art. 28(3)(h)): fires when no clause: information and audits.
    ///
    /// Severity: error.
    public static let art28_3_h_audits = FindingCode(rawValue: "ART28-3-H-AUDITS")

    /// `ART28-2-AUTHORISATION` (Art. 28(2)): fires when sub-processors are engaged with no written
    /// authorisation, specific or general.
    ///
    /// Severity: error.
    public static let art28_2_authorisation = FindingCode(rawValue: "ART28-2-AUTHORISATION")

    /// `ART28-2-NOTICE-PERIOD` (Art. 28(2)): fires when the authorisation is general and sets no notice
    /// period for changes.
    ///
    /// Severity: warning.
    public static let art28_2_notice_period = FindingCode(rawValue: "ART28-2-NOTICE-PERIOD")

    /// `ART28-3-H-AUDIT-NOTICE` (Art. 28(3)(h)): fires when the audit clause sets no notice period, so the
    /// earliest date of an audit cannot be computed.
    ///
    /// Severity: warning.
    public static let art28_3_h_audit_notice = FindingCode(rawValue: "ART28-3-H-AUDIT-NOTICE")

    /// `ART33-2-BREACH-TERMS` (Art. 33(2), Art. 28(3)(f)): fires when no breach clause, or one with no time
    /// limit or no list of what the processor's notice contains.
    ///
    /// Severity: warning.
    public static let art33_2_breach_terms = FindingCode(rawValue: "ART33-2-BREACH-TERMS")

    /// `ART46-TRANSFER-MECHANISM` (Art. 28(3)(a), Art. 44, Art. 46): fires when the transfer clause names no
    /// Chapter V mechanism.
    ///
    /// Severity: error.
    public static let art46_transfer_mechanism = FindingCode(rawValue: "ART46-TRANSFER-MECHANISM")

    /// `ART44-SUB-PROCESSOR-SAFEGUARD` (Art. 28(4), Art. 44, Art. 46): fires when a sub-processor processes
    /// the data outside the EEA with no safeguard.
    ///
    /// Severity: error.
    public static let art44_sub_processor_safeguard = FindingCode(rawValue: "ART44-SUB-PROCESSOR-SAFEGUARD")

    /// `ART28-2-NO-NOTICE` (Art. 28(2)): fires when under a general authorisation, a sub-processor engaged
    /// after signature has no change notice recorded, or refers to one that is not there.
    ///
    /// Severity: error.
    public static let art28_2_no_notice = FindingCode(rawValue: "ART28-2-NO-NOTICE")

    /// `ART28-2-CHANGE-BEFORE-DEADLINE` (Art. 28(2)): fires when a change of sub-processor was applied before
    /// the objection period (from the agreement, counted from the notice) ended.
    ///
    /// Severity: error.
    public static let art28_2_change_before_deadline = FindingCode(rawValue: "ART28-2-CHANGE-BEFORE-DEADLINE")

    /// `ART28-2-APPLIED-DESPITE-OBJECTION` (Art. 28(2)): fires when a change was applied although the
    /// controller objected.
    ///
    /// Severity: error.
    public static let art28_2_applied_despite_objection = FindingCode(rawValue: "ART28-2-APPLIED-DESPITE-OBJECTION")

    /// `ART28-3-H-INFORMATION-ONLY` (Art. 28(3)(h)): fires when the audit clause gives the controller
    /// information only (written questions, reports: `access="information-only"`), without the audits
    /// "including inspections" the article requires.
    ///
    /// Severity: error.
    public static let art28_3_h_information_only = FindingCode(rawValue: "ART28-3-H-INFORMATION-ONLY")

    /// `ART28-2-USED-BEFORE-DISCLOSURE` (Art. 28(2)): fires when a sub-processor took effect (the change's
    /// `applied` day, else the sub-processor's `authorised-since`) before its change notice was given: no
    /// notice at all, not a short window.
    ///
    /// Severity: error.
    public static let art28_2_used_before_disclosure = FindingCode(rawValue: "ART28-2-USED-BEFORE-DISCLOSURE")

    /// `ART28-2-CHANGE-NOTICE-TOO-SHORT` (Art. 28(2)): fires when a change took effect sooner after its
    /// notice than the advance notice the agreement promises (`notice-period` or `contract-term
    /// kind="change-notice"`).
    ///
    /// Severity: error.
    public static let art28_2_change_notice_too_short = FindingCode(rawValue: "ART28-2-CHANGE-NOTICE-TOO-SHORT")

    /// `ART28-TERM-CONFLICT` (Art. 28(3)): fires when the agreement states one term (objection window,
    /// advance notice of changes, audit notice, audit frequency cap, breach time limit, termination,
    /// reversibility) more than once with different values or countings; the finding names each clause.
    ///
    /// Severity: error.
    public static let art28_term_conflict = FindingCode(rawValue: "ART28-TERM-CONFLICT")

    // MARK: Responsibility matrices — one finding per matrix

    /// `MATRIX-PARTY-UNKNOWN` (Art. 28(3)): fires when a domain gives obligations to someone who is not a
    /// party to the matrix.
    ///
    /// Severity: error.
    public static let matrix_party_unknown = FindingCode(rawValue: "MATRIX-PARTY-UNKNOWN")

    /// `MATRIX-DOMAIN-UNCARRIED` (Art. 24(1), Art. 28(3)): fires when no party carries a domain.
    ///
    /// Severity: error.
    public static let matrix_domain_uncarried = FindingCode(rawValue: "MATRIX-DOMAIN-UNCARRIED")

    /// `MATRIX-CONTROLLER-DUTY` (Art. 24(1)): fires when a domain whose core duty the GDPR puts on the
    /// controller (register and DPO, purposes and retention, notifying the authority and data subjects,
    /// informing data subjects) is carried by the processor alone.
    ///
    /// Severity: error.
    public static let matrix_controller_duty = FindingCode(rawValue: "MATRIX-CONTROLLER-DUTY")

    // MARK: Audits — one finding per audit

    /// `AUDIT-AGREEMENT-UNKNOWN` (Art. 28(3)(h)): fires when the audit relies on an agreement that is not in
    /// the register.
    ///
    /// Severity: error.
    public static let audit_agreement_unknown = FindingCode(rawValue: "AUDIT-AGREEMENT-UNKNOWN")

    /// `AUDIT-NOTICE-TOO-SHORT` (Art. 28(3)(h)): fires when the audit starts before the agreement's notice
    /// period has run from the day the processor was told.
    ///
    /// Severity: error.
    public static let audit_notice_too_short = FindingCode(rawValue: "AUDIT-NOTICE-TOO-SHORT")

    /// `AUDIT-BEFORE-NOTIFIED` (Art. 28(3)(h)): fires when the audit starts before the processor is told of
    /// it (names the first allowed day: the notice run from the day it was told).
    ///
    /// Severity: error.
    public static let audit_before_notified = FindingCode(rawValue: "AUDIT-BEFORE-NOTIFIED")

    /// `AUDIT-CAP-EXCEEDED` (Art. 28(3)(h)): fires when another audit under the same agreement started less
    /// than the agreement's `audit-frequency` term before it; audits on a `ground` the cap lists as an
    /// `exception` (`after-breach`, `authority-request`) are neither held back nor counted; every audit of
    /// the agreement counts, wherever the file puts it; names the clause, the previous audit and the first
    /// allowed day.
    ///
    /// Severity: error.
    public static let audit_cap_exceeded = FindingCode(rawValue: "AUDIT-CAP-EXCEEDED")

    /// `AUDIT-KICKOFF-BEFORE-START` (Art. 28(3)(h)): fires when the audit's kickoff meeting is before its
    /// planned start (the meeting opens the audit, once the notice has run). `audit record` refuses it.
    ///
    /// Severity: error.
    public static let audit_kickoff_before_start = FindingCode(rawValue: "AUDIT-KICKOFF-BEFORE-START")

    /// `AUDIT-CLOSING-BEFORE-KICKOFF` (Art. 28(3)(h)): fires when the audit's closing meeting is before its
    /// kickoff meeting, or, without one, before its planned start. `audit record` refuses it.
    ///
    /// Severity: error.
    public static let audit_closing_before_kickoff = FindingCode(rawValue: "AUDIT-CLOSING-BEFORE-KICKOFF")

    /// `AUDIT-REPORT-BEFORE-START` (Art. 28(3)(h)): fires when the audit's report was sent to the processor
    /// before the audit's planned start, or even before the processor was told of the audit. `audit record`
    /// refuses it.
    ///
    /// Severity: error.
    public static let audit_report_before_start = FindingCode(rawValue: "AUDIT-REPORT-BEFORE-START")

    // MARK: Breaches, Art. 33 and 34 — one finding per breach

    /// `ART33-1-OVERDUE` (Art. 33(1)): fires when the breach must be notified (or its risk is not assessed
    /// yet), it has not been, and the 72 hours from awareness have run out.
    ///
    /// Severity: error.
    public static let art33_1_overdue = FindingCode(rawValue: "ART33-1-OVERDUE")

    /// `ART33-1-LATE-WITHOUT-REASONS` (Art. 33(1)): fires when the first notification came after the 72 hours
    /// and no reasons for the delay are recorded.
    ///
    /// Severity: error.
    public static let art33_1_late_without_reasons = FindingCode(rawValue: "ART33-1-LATE-WITHOUT-REASONS")

    /// `ART33-2-PROCESSOR-LATE` (Art. 33(2)): fires when the processor told the controller after the time
    /// limit its agreement sets, counted from detection.
    ///
    /// Severity: warning.
    public static let art33_2_processor_late = FindingCode(rawValue: "ART33-2-PROCESSOR-LATE")

    /// `ART33-3-CONTENT` (Art. 33(3), Art. 33(4)): fires when the authority was notified, no notification was
    /// complete, and items of Art. 33(3) are still missing.
    ///
    /// Severity: warning.
    public static let art33_3_content = FindingCode(rawValue: "ART33-3-CONTENT")

    /// `ART33-5-NOT-ASSESSED` (Art. 33(1), Art. 33(5)): fires when the risk of the breach is not assessed.
    ///
    /// Severity: warning.
    public static let art33_5_not_assessed = FindingCode(rawValue: "ART33-5-NOT-ASSESSED")

    /// `ART34-1-COMMUNICATION` (Art. 34(1), Art. 34(3)): fires when the risk is high and the data subjects
    /// were not told, with no Art. 34(3) exception recorded.
    ///
    /// Severity: error.
    public static let art34_1_communication = FindingCode(rawValue: "ART34-1-COMMUNICATION")

    /// `ART34-3-A-NOT-SHOWN` (Art. 34(3)(a)): fires when exception (a) is relied on but no state-of-the-art
    /// encryption with a key known to be safe is recorded, or the assessment says identification is maximum.
    ///
    /// Severity: error.
    public static let art34_3_a_not_shown = FindingCode(rawValue: "ART34-3-A-NOT-SHOWN")

    /// `ART34-3-B-NOT-SHOWN` (Art. 34(3)(b)): fires when exception (b) is relied on with no subsequent
    /// measure recorded, or while harm has already been seen.
    ///
    /// Severity: error.
    public static let art34_3_b_not_shown = FindingCode(rawValue: "ART34-3-B-NOT-SHOWN")

    /// `ART34-3-C-NO-PUBLIC-COMMUNICATION` (Art. 34(3)(c)): fires when exception (c) is relied on with no
    /// public communication recorded (its date and its means).
    ///
    /// Severity: error.
    public static let art34_3_c_no_public_communication = FindingCode(rawValue: "ART34-3-C-NO-PUBLIC-COMMUNICATION")

    /// `ART34-3-NOT-HIGH-RISK` (Art. 34(1), Art. 34(3)): fires when an Art. 34(3) exception is recorded for a
    /// breach whose decided risk is not high.
    ///
    /// Severity: warning.
    public static let art34_3_not_high_risk = FindingCode(rawValue: "ART34-3-NOT-HIGH-RISK")

    /// `BREACH-FACTS-CONTRADICT` (Art. 33(1), Art. 33(5)): fires when two recorded facts of a breach cannot
    /// both be true (exfiltration excluded while untrusted recipients hold the data, or while the assessment
    /// says unknown recipients; no data lost while the assessment says permanent loss…); names both, and the
    /// decision takes the less favourable until the DPO resolves them.
    ///
    /// Severity: error.
    public static let breach_facts_contradict = FindingCode(rawValue: "BREACH-FACTS-CONTRADICT")

    /// `BREACH-END-BEFORE-START` (Art. 33(5)): fires when occurred-to is before occurred-from.
    ///
    /// Severity: error.
    public static let breach_end_before_start = FindingCode(rawValue: "BREACH-END-BEFORE-START")

    /// `BREACH-STARTED-AFTER-AWARENESS` (Art. 33(1), Art. 33(5)): fires when occurred-from is after aware.
    ///
    /// Severity: error.
    public static let breach_started_after_awareness = FindingCode(rawValue: "BREACH-STARTED-AFTER-AWARENESS")

    /// `BREACH-DETECTED-AFTER-AWARENESS` (Art. 33(1)): fires when detected is after aware.
    ///
    /// Severity: error.
    public static let breach_detected_after_awareness = FindingCode(rawValue: "BREACH-DETECTED-AFTER-AWARENESS")

    /// `BREACH-AWARE-IN-FUTURE` (Art. 33(1)): fires when aware is after the moment of the check (`--now`).
    ///
    /// Severity: error.
    public static let breach_aware_in_future = FindingCode(rawValue: "BREACH-AWARE-IN-FUTURE")

    /// `BREACH-RECORDED-IN-FUTURE` (Art. 33(5)): fires when a notification to the authority or the
    /// communication to the data subjects is dated after the moment of the check (`--now`).
    ///
    /// Severity: error.
    public static let breach_recorded_in_future = FindingCode(rawValue: "BREACH-RECORDED-IN-FUTURE")

    /// `BREACH-NOTIFIED-BEFORE-AWARENESS` (Art. 33(1)): fires when a notification to the authority is dated
    /// before aware.
    ///
    /// Severity: error.
    public static let breach_notified_before_awareness = FindingCode(rawValue: "BREACH-NOTIFIED-BEFORE-AWARENESS")

    /// `ART33-4-FOLLOW-UP-BEFORE-INITIAL` (Art. 33(4)): fires when a follow-up notification comes before the
    /// initial one, or there is no initial one.
    ///
    /// Severity: error.
    public static let art33_4_follow_up_before_initial = FindingCode(rawValue: "ART33-4-FOLLOW-UP-BEFORE-INITIAL")

    // MARK: Across entries, retention, DPIA criteria and review

    /// `ART28-3-NO-AGREEMENT` (Art. 28(3)): fires when an activity names a processor (known to the register)
    /// without naming its agreement, and no agreement of the register binds that processor to the controller
    /// (directly, through a structure the controller is a member of, or as a sub-processor the controller
    /// itself engaged, Art. 28(4)); and when a recipient recorded as a processor ("Sous-traitants" in the
    /// CNIL's model) names no agreement (``Recipient/agreement``) nor a processor the activity engages.
    ///
    /// Severity: error.
    public static let art28_3_no_agreement = FindingCode(rawValue: "ART28-3-NO-AGREEMENT")

    /// `ART44-PROCESSOR-TRANSFER-UNRECORDED` (Art. 30(1)(e), Art. 44, Art. 46): fires when a processor of the
    /// activity, or a sub-processor of an agreement binding it, is located outside the EEA and the activity
    /// records no transfer to that country (one finding per country).
    ///
    /// Severity: error; warning when the agreement gives the sub-processor a safeguard.
    public static let art44_processor_transfer_unrecorded = FindingCode(rawValue: "ART44-PROCESSOR-TRANSFER-UNRECORDED")

    /// `ART28-4-SUB-PROCESSOR-LISTS` (Art. 28(2), Art. 28(4), Art. 30(2)): fires when a processor's record
    /// names sub-processors, and its list differs from that of the agreements binding the processor to that
    /// controller.
    ///
    /// Severity: error for a sub-processor only the record names; warning for one only the agreement names.
    public static let art28_4_sub_processor_lists = FindingCode(rawValue: "ART28-4-SUB-PROCESSOR-LISTS")

    /// `ART5-1-E-RETENTION-UNTIL-REQUEST` (Art. 5(1)(e), Art. 30(1)(f)): fires when a retention criterion
    /// ends only when the person asks ("jusqu'à ce que la personne demande…", "until consent is withdrawn")
    /// and gives no outer limit ("au plus tard…").
    ///
    /// Severity: warning.
    public static let art5_1_e_retention_until_request = FindingCode(rawValue: "ART5-1-E-RETENTION-UNTIL-REQUEST")

    /// `ART5-1-E-RETENTION-UNLIMITED` (Art. 5(1)(e), Art. 30(1)(f)): fires when a retention criterion says
    /// there is no end, or none yet ("illimitée", "indéfiniment", "non définie").
    ///
    /// Severity: error.
    public static let art5_1_e_retention_unlimited = FindingCode(rawValue: "ART5-1-E-RETENTION-UNLIMITED")

    /// `ART5-1-E-RETENTION-MISSING-FOR-DATA` (Art. 5(1)(e), Art. 30(1)(f)): fires when the activity keeps
    /// retention per data category (a period names its data, as the CNIL's model does) and a data category
    /// has no period of its own; the finding names the category.
    ///
    /// Severity: warning.
    public static let art5_1_e_retention_missing_for_data = FindingCode(rawValue: "ART5-1-E-RETENTION-MISSING-FOR-DATA")

    /// `ART35-CRITERIA-FROM-DATA` (Art. 35(1), Art. 35(3)(b), EDPB WP248): fires when no DPIA is done or
    /// under way, and the activity's own data show a criterion its DPIA record leaves out: Art. 9 or Art. 10
    /// data without "sensitive data", or vulnerable data subjects (DPV code or unmistakable words: élèves,
    /// patients, personnes âgées…) on a large scale without "vulnerable data subjects".
    ///
    /// Severity: error with the large-scale criterion and Art. 9/10 data (Art. 35(3)(b)); warning otherwise.
    public static let art35_criteria_from_data = FindingCode(rawValue: "ART35-CRITERIA-FROM-DATA")

    /// `ART35-DPIA-NOT-ASSESSED` (Art. 35(1), EDPB WP248): fires when the activity records no DPIA element
    /// at all (neither a DPIA nor the criteria weighed) while its own data meet two EDPB criteria: Art. 9
    /// or Art. 10 data (criterion 4) and vulnerable data subjects (criterion 7). The DPO is asked for the
    /// DPIA decision, not left with silence.
    ///
    /// Severity: warning.
    public static let art35_dpia_not_assessed = FindingCode(rawValue: "ART35-DPIA-NOT-ASSESSED")

    /// `ART24-1-REVIEW-OVERDUE` (Art. 24(1), Art. 5(2)): fires when at the moment of the check (`--now`), the
    /// activity's last review (or its creation, when never reviewed) is older than the register's review
    /// period (three years by default); retired activities and checks without a moment are quiet.
    ///
    /// Severity: warning.
    public static let art24_1_review_overdue = FindingCode(rawValue: "ART24-1-REVIEW-OVERDUE")

    // MARK: Requests of the people, Art. 12 to 22 — one finding per request

    /// `ART12-3-REQUEST-OVERDUE` (Art. 12(3)): fires when at the moment of the check (`--now`) the request
    /// has no answer and its last day (one month from receipt, three with an extension told within the
    /// first month, in the controller's calendar) has passed; checks without a moment are quiet.
    ///
    /// Severity: error.
    public static let art12_3_request_overdue = FindingCode(rawValue: "ART12-3-REQUEST-OVERDUE")

    /// `ART12-3-ANSWER-LATE` (Art. 12(3)): fires when the answer was sent after the last day: one month
    /// from receipt, or three when an extension was decided and told to the person within the first month.
    ///
    /// Severity: error.
    public static let art12_3_answer_late = FindingCode(rawValue: "ART12-3-ANSWER-LATE")

    /// `ART12-3-EXTENSION-LATE` (Art. 12(3)): fires when the extension was decided, or the person told of
    /// it, after the first month (one finding for each).
    ///
    /// Severity: error.
    public static let art12_3_extension_late = FindingCode(rawValue: "ART12-3-EXTENSION-LATE")

    /// `ART12-4-REFUSAL-REASONS` (Art. 12(4)): fires when a refusal or a partial answer records no reason,
    /// or did not tell the person of the right to complain to the supervisory authority and to seek a
    /// judicial remedy (one finding for each).
    ///
    /// Severity: error.
    public static let art12_4_refusal_reasons = FindingCode(rawValue: "ART12-4-REFUSAL-REASONS")

    /// `ART12-5-REASONING` (Art. 12(5)): fires when a request is held manifestly unfounded or excessive
    /// without the reasoning that demonstrates it.
    ///
    /// Severity: error.
    public static let art12_5_reasoning = FindingCode(rawValue: "ART12-5-REASONING")

    /// `ART12-6-DOUBT` (Art. 12(6)): fires when information to confirm identity was asked for without the
    /// reasonable doubt that justifies it.
    ///
    /// Severity: warning.
    public static let art12_6_doubt = FindingCode(rawValue: "ART12-6-DOUBT")

    /// `ART15-1-UNREGISTERED-PROCESSING` (Art. 15(1), Art. 30(1)): fires for each processing the request
    /// revealed that the register does not list: the answer cannot describe it from the register.
    ///
    /// Severity: error.
    public static let art15_1_unregistered_processing = FindingCode(rawValue: "ART15-1-UNREGISTERED-PROCESSING")

    /// `ART19-RECIPIENTS` (Art. 19): fires when a rectification, erasure or restriction was granted (in
    /// full or in part) and nothing records that the recipients were told, that there were none, or that
    /// telling them proved impossible.
    ///
    /// Severity: warning.
    public static let art19_recipients = FindingCode(rawValue: "ART19-RECIPIENTS")
}
