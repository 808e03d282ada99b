public import Foundation

/// A rule of the register: a code, the article it applies, and how it inspects one kind of entry.
///
/// A rule is a pure function of the register: no clock, no I/O. Its messages say what is missing in the
/// words of a DPO, in French and in English.
///
/// ``RegisterCheck/rules`` are registre's own rules. A program adds a house rule by making one with the
/// factory of the kind of entry it inspects (``activity(_:_:_:)``, ``agreement(_:_:_:)``, …) and
/// running it with the others:
///
/// ```swift
/// let onePurposeFamily = Rule.activity(FindingCode(rawValue: "HOUSE-PURPOSES"), "Art. 5(1)(b)") { activity, _ in
///     .error(if: activity.purposes.count > 3,
///            fr: "Plus de trois finalités : scinder le traitement.",
///            en: "More than three purposes: split the activity.")
/// }
/// let findings = RegisterCheck.findings(in: register, rules: RegisterCheck.rules + [onePurposeFamily])
/// ```
///
/// The rules that weigh an entry against those that come after it (an activity against the agreements)
/// are registre's own only: they see a summary of the entry, which a check of any size keeps in memory,
/// not the entry itself.
public struct Rule: Sendable {
    /// The rule's stable code, which its findings carry, e.g. ``FindingCode/art30_1_a_dpo``.
    public let code: FindingCode
    /// The article the rule applies, e.g. `Art. 30(1)(a)`.
    public let article: String
    /// What the rule looks at, and what it finds there: one message per gap, with the severity it has in
    /// that case (a missing DPO is an error for a public body, a warning for others).
    let inspection: Inspection

    enum Inspection: Sendable {
        case organisation(@Sendable (Organisation, Register) -> [Gap])
        case activity(@Sendable (ProcessingActivity, Register) -> [Gap])
        case processorRecord(@Sendable (ProcessorRecord, Register) -> [Gap])
        case agreement(@Sendable (DataProcessingAgreement, Register) -> [Gap])
        case matrix(@Sendable (ResponsibilityMatrix, Register) -> [Gap])
        case audit(@Sendable (AuditRequest, Register) -> [Gap])
        /// Breach rules may ask "is it late?": they get the moment the check is made, when one is given.
        case breach(@Sendable (Breach, Register, Date?) -> [Gap])
        /// Request rules may ask "is it late?" too (Art. 12(3)).
        case request(@Sendable (DataSubjectRequest, Register, Date?) -> [Gap])
        /// Rules across entries: an activity weighed against the agreements, which the format puts after
        /// it, or against the moment of the check. They run once the whole register has been read.
        case activityAcrossEntries(@Sendable (ProcessingActivity, Register, Date?) -> [Gap])
        /// A processor's record weighed against the agreements, once the whole register has been read.
        case processorRecordAcrossEntries(@Sendable (ProcessorRecord, Register) -> [Gap])
        /// An audit weighed against every other audit of its agreement (the frequency cap), wherever they
        /// come in the file: once the whole register has been read.
        case auditAcrossEntries(@Sendable (AuditRequest, Register) -> [Gap])

        /// Whether the rule must wait for the entries that come after the one it inspects.
        var isAcrossEntries: Bool {
            switch self {
            case .activityAcrossEntries, .processorRecordAcrossEntries, .auditAcrossEntries: true
            default: false
            }
        }
    }

    /// One thing a rule found missing or wrong in an entry: the finding it becomes, without the code,
    /// the entry and the article, which the rule and the check add.
    public struct Gap: Sendable {
        /// How serious this gap is, which may depend on the entry (an error for a public body, a warning
        /// for others).
        public var severity: Finding.Severity
        /// What is wrong, in French and English, in the words of a DPO.
        public var message: LocalizedText

        /// A gap of `severity`, said by `message`.
        public init(severity: Finding.Severity, message: LocalizedText) {
            self.severity = severity
            self.message = message
        }
    }

    /// A rule that inspects an organisation of the register.
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 5(1)(e)`.
    ///   - inspect: the gaps it finds in one organisation; none when the organisation is in order.
    public static func organisation(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (Organisation, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.organisation)
    }

    /// A rule that inspects a processing activity (Art. 30(1)).
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 5(1)(e)`.
    ///   - inspect: the gaps it finds in one activity; none when the activity is in order.
    public static func activity(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (ProcessingActivity, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.activity)
    }

    /// A rule that inspects a processor's record (Art. 30(2)).
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 5(1)(e)`.
    ///   - inspect: the gaps it finds in one record; none when the record is in order.
    public static func processorRecord(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (ProcessorRecord, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.processorRecord)
    }

    /// A rule that inspects a data-processing agreement (Art. 28(3)).
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 5(1)(e)`.
    ///   - inspect: the gaps it finds in one agreement; none when the agreement is in order.
    public static func agreement(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (DataProcessingAgreement, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.agreement)
    }

    /// A rule that inspects a responsibility matrix.
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 5(1)(e)`.
    ///   - inspect: the gaps it finds in one matrix; none when the matrix is in order.
    public static func matrix(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (ResponsibilityMatrix, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.matrix)
    }

    /// A rule that inspects an audit.
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 5(1)(e)`.
    ///   - inspect: the gaps it finds in one audit; none when the audit is in order.
    public static func audit(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (AuditRequest, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.audit)
    }

    /// A rule that inspects a breach (Art. 33, Art. 34).
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 5(1)(e)`.
    ///   - inspect: the gaps it finds in one breach; none when the breach is in order. Its third argument
    ///     is the moment of the check, when one is given (``RegisterCheck/findings(in:now:rules:)``).
    public static func breach(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (Breach, Register, Date?) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.breach)
    }

    /// A rule that inspects a request of a person exercising their rights (Art. 12, Art. 15 to 22).
    ///
    /// The register it is given holds what the format puts before the entry: its organisations always.
    ///
    /// - Parameters:
    ///   - code: the code its findings carry.
    ///   - article: the article it applies, e.g. `Art. 12(3)`.
    ///   - inspect: the gaps it finds in one request; none when the request is in order. Its third argument
    ///     is the moment of the check, when one is given (``RegisterCheck/findings(in:now:rules:)``).
    public static func request(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (DataSubjectRequest, Register, Date?) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.request)
    }

    static func activityAcrossEntries(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (ProcessingActivity, Register, Date?) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.activityAcrossEntries)
    }

    static func auditAcrossEntries(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (AuditRequest, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.auditAcrossEntries)
    }

    static func processorRecordAcrossEntries(
        _ code: FindingCode, _ article: String,
        _ inspect: @escaping @Sendable (ProcessorRecord, Register) -> [Gap]
    ) -> Rule {
        rule(code, article, inspect, Inspection.processorRecordAcrossEntries)
    }

    /// The one way every factory makes its rule: the inspection wrapped in the case of its kind of entry.
    private static func rule<Inspect>(
        _ code: FindingCode, _ article: String, _ inspect: Inspect, _ kind: (Inspect) -> Inspection
    ) -> Rule {
        Rule(code: code, article: article, inspection: kind(inspect))
    }
}

extension Rule.Gap {
    /// A gap that is an error: the register does not meet the article.
    public static func error(fr: String, en: String) -> Rule.Gap {
        Rule.Gap(severity: .error, message: LocalizedText(fr: fr, en: en))
    }

    /// A gap that is a warning: probably a gap, or a point the DPO must weigh.
    public static func warning(fr: String, en: String) -> Rule.Gap {
        Rule.Gap(severity: .warning, message: LocalizedText(fr: fr, en: en))
    }
}

extension Array where Element == Rule.Gap {
    /// One error when `condition` holds, none otherwise: the shape of most "item missing" rules.
    public static func error(if condition: Bool, fr: String, en: String) -> [Rule.Gap] {
        condition ? [.error(fr: fr, en: en)] : []
    }
}
