public import Foundation

/// Runs every rule over a register.
///
/// Findings come in the order of the register (organisations, then activities, then processor records,
/// each in the order it is written), and for one entry in the order of the articles, so that two runs over
/// the same register print the same lines.
public enum RegisterCheck {
    /// Every rule, in the order a DPO reads a register sheet: identification (a), purposes (b), the
    /// grounds for lawfulness, data (c), recipients (d), transfers (e), retention (f), security (g),
    /// processors, DPIA; then the processor's record.
    public static let rules: [Rule] = {
        let controller = ControllerRecordRules.self
        let lawfulness = LawfulnessRules.self
        return [
            controller.controllerKnown, controller.controllerContact, controller.dataProtectionOfficer,
            controller.euRepresentative, controller.jointArrangement, controller.purposes,
            lawfulness.legalBasis, lawfulness.legitimateInterestsOfPublicBody,
            controller.dataSubjects, controller.dataCategories,
            lawfulness.specialCategoryCondition, lawfulness.criminalOffenceGround,
            controller.recipients, controller.transferSafeguard, controller.transferDocumentation,
            controller.retention, controller.openEndedRetention, controller.securityMeasures,
            controller.processorKnown,
        ] + ImpactAssessmentRules.all + ProcessorRecordRules.all + AgreementRules.all + SubProcessorRules.all
            + MatrixRules.all + AuditRules.all + BreachRules.all
            // Issue 14: retention, DPIA criteria and the rules across entries.
            + RetentionRules.all + ImpactCriteriaRules.all + ProcessorCoverageRules.all + ReviewRules.all
    }()

    /// The rules a breach's times must pass before a command records them: a timeline that cannot have
    /// happened is refused, not stored and reported later.
    public static let breachTimelineRules: [Rule] = BreachTimelineRules.all

    /// `now` is the moment the check is made, for the rules that ask whether something is late; without
    /// it, those rules only judge what the register itself dates.
    public static func findings(in register: Register, now: Date? = nil, rules: [Rule] = RegisterCheck.rules) -> [Finding] {
        var check = StreamingCheck(now: now, rules: rules, reviewPeriod: register.reviewPeriod)
        for entry in register.entries { check.consume(entry) }
        return check.findings
    }
}

/// Checks a register one entry at a time, keeping only what later entries are checked against (the
/// organisations and the agreements, which the format puts before what refers to them, and the audits,
/// which the audit frequency cap counts): the findings of a register of any size, in memory that does
/// not grow with its activities.
public struct StreamingCheck: Sendable {
    /// The findings of every entry consumed, in their order, then those of the rules across entries, which
    /// weigh each activity and processor record against the whole register.
    public var findings: [Finding] { entryFindings + findingsAcrossEntries() }
    private var entryFindings: [Finding] = []
    private var context = Register()
    /// The activities and processor records, reduced to what the rules across entries read
    /// (`acrossEntriesSummary`): what a check of any size keeps of them until the agreements are known.
    ///
    /// Two arrays rather than one of `RegisterEntry`: an element of that enum is as large as its largest
    /// case (a breach), several times an activity's summary.
    private var deferredActivities: [ProcessingActivity] = []
    private var deferredRecords: [ProcessorRecord] = []
    private let now: Date?
    private let rules: [Rule]
    private let defers: Bool

    /// - Parameters:
    ///   - now: the moment the check is made, for the rules that ask whether something is late; without
    ///     it, those rules only judge what the register itself dates.
    ///   - rules: the rules to run (by default every rule of registre).
    ///   - reviewPeriod: how long an activity may go without review (``Register/reviewPeriod``);
    ///     three years when nil.
    public init(now: Date? = nil, rules: [Rule] = RegisterCheck.rules, reviewPeriod: PeriodLength? = nil) {
        self.now = now
        self.rules = rules
        context.reviewPeriod = reviewPeriod
        defers = rules.contains { $0.inspection.isAcrossEntries }
    }

    /// Checks one entry of the register, given in the order of the format.
    public mutating func consume(_ entry: RegisterEntry) {
        switch entry {
        case .title(let title):
            context.title = title
        case .organisation(let organisation):
            context.organisations.append(organisation)
            inspect(.init(.organisation, organisation.id)) { if case .organisation(let f) = $0 { f(organisation, $1) } else { nil } }
        case .activity(let activity):
            inspect(.init(.activity, activity.id)) { if case .activity(let f) = $0 { f(activity, $1) } else { nil } }
            if defers { deferredActivities.append(activity.acrossEntriesSummary) }
        case .processorRecord(let record):
            inspect(.init(.processorRecord, record.id)) { if case .processorRecord(let f) = $0 { f(record, $1) } else { nil } }
            if defers { deferredRecords.append(record.acrossEntriesSummary) }
        case .agreement(let agreement):
            context.agreements.append(agreement)
            inspect(.init(.agreement, agreement.id)) { if case .agreement(let f) = $0 { f(agreement, $1) } else { nil } }
        case .matrix(let matrix):
            inspect(.init(.matrix, matrix.id)) { if case .matrix(let f) = $0 { f(matrix, $1) } else { nil } }
        case .audit(let audit):
            // Kept for the audit frequency cap, which counts the audits before this one (few per agreement).
            context.audits.append(audit)
            inspect(.init(.audit, audit.id)) { if case .audit(let f) = $0 { f(audit, $1) } else { nil } }
        case .breach(let breach):
            let now = now
            inspect(.init(.breach, breach.id)) { if case .breach(let f) = $0 { f(breach, $1, now) } else { nil } }
        case .campaign:
            break
        }
    }

    /// Runs every rule that applies to this kind of entry, in the order of the rules.
    private mutating func inspect(_ subject: Finding.Subject, _ apply: (Rule.Inspection, Register) -> [Rule.Gap]?) {
        entryFindings += Self.findings(of: rules, on: subject, in: context, apply)
    }

    private static func findings(
        of rules: [Rule], on subject: Finding.Subject, in context: Register, _ apply: (Rule.Inspection, Register) -> [Rule.Gap]?
    ) -> [Finding] {
        rules.flatMap { rule in
            (apply(rule.inspection, context) ?? []).map {
                Finding(code: rule.code, severity: $0.severity, subject: subject, article: rule.article, message: $0.message)
            }
        }
    }

    /// The rules across entries, over the activities and records kept, now that every agreement is known.
    private func findingsAcrossEntries() -> [Finding] {
        let now = now
        let activities = deferredActivities.flatMap { activity in
            Self.findings(of: rules, on: .init(.activity, activity.id), in: context) {
                if case .activityAcrossEntries(let f) = $0 { f(activity, $1, now) } else { nil }
            }
        }
        let records = deferredRecords.flatMap { record in
            Self.findings(of: rules, on: .init(.processorRecord, record.id), in: context) {
                if case .processorRecordAcrossEntries(let f) = $0 { f(record, $1) } else { nil }
            }
        }
        return activities + records
    }
}
