import Foundation

/// A rule of the register: a code, the article it applies, and how it inspects one kind of entry.
///
/// A rule is a pure function of the register: no clock, no I/O. Its messages say what is missing in the
/// words of a DPO, in French and in English.
public struct Rule: Sendable {
    public let code: String
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
        /// Rules across entries: an activity weighed against the agreements, which the format puts after
        /// it, or against the moment of the check. They run once the whole register has been read.
        case activityAcrossEntries(@Sendable (ProcessingActivity, Register, Date?) -> [Gap])
        /// A processor's record weighed against the agreements, once the whole register has been read.
        case processorRecordAcrossEntries(@Sendable (ProcessorRecord, Register) -> [Gap])

        /// Whether the rule must wait for the entries that come after the one it inspects.
        var isAcrossEntries: Bool {
            switch self {
            case .activityAcrossEntries, .processorRecordAcrossEntries: true
            default: false
            }
        }
    }

    struct Gap: Sendable {
        var severity: Finding.Severity
        var message: LocalizedText
    }

    static func activity(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (ProcessingActivity, Register) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .activity(inspect))
    }

    static func processorRecord(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (ProcessorRecord, Register) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .processorRecord(inspect))
    }

    static func agreement(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (DataProcessingAgreement, Register) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .agreement(inspect))
    }

    static func matrix(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (ResponsibilityMatrix, Register) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .matrix(inspect))
    }

    static func audit(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (AuditRequest, Register) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .audit(inspect))
    }

    static func breach(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (Breach, Register, Date?) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .breach(inspect))
    }

    static func activityAcrossEntries(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (ProcessingActivity, Register, Date?) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .activityAcrossEntries(inspect))
    }

    static func processorRecordAcrossEntries(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (ProcessorRecord, Register) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .processorRecordAcrossEntries(inspect))
    }

    static func organisation(
        _ code: String, _ article: String,
        _ inspect: @escaping @Sendable (Organisation, Register) -> [Gap]
    ) -> Rule {
        Rule(code: code, article: article, inspection: .organisation(inspect))
    }
}

extension Rule.Gap {
    static func error(fr: String, en: String) -> Rule.Gap {
        Rule.Gap(severity: .error, message: LocalizedText(fr: fr, en: en))
    }

    static func warning(fr: String, en: String) -> Rule.Gap {
        Rule.Gap(severity: .warning, message: LocalizedText(fr: fr, en: en))
    }
}

extension Array where Element == Rule.Gap {
    /// One error when `condition` holds, none otherwise: the shape of most "item missing" rules.
    static func error(if condition: Bool, fr: String, en: String) -> [Rule.Gap] {
        condition ? [.error(fr: fr, en: en)] : []
    }
}
