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
            // Issue 27: requests of the people whose data the controller holds.
            + RequestRules.all
    }()

    /// The rules a breach's times must pass before a command records them: a timeline that cannot have
    /// happened is refused, not stored and reported later.
    public static let breachTimelineRules: [Rule] = BreachTimelineRules.all

    /// The rules an audit's dates must pass before a command records them (its meetings and report in
    /// their order, none before it starts): a timeline that cannot have happened is refused, not stored.
    public static let auditTimelineRules: [Rule] = AuditRules.timelineRules

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
///
/// The rules across entries weigh each activity and processor record against the agreements, which the
/// format puts after them. Given them ahead (``init(now:rules:reviewPeriod:readAhead:)``, what a database
/// can do, by kind), the check judges each activity as it comes and keeps nothing of it; otherwise it
/// keeps a few dozen bytes of each until the end.
public struct StreamingCheck: Sendable {
    /// The findings of every entry consumed, in their order, then those of the rules across entries, which
    /// weigh each activity and processor record against the whole register.
    public var findings: [Finding] { entryFindings + findingsAcrossEntries() }
    private var entryFindings: [Finding] = []
    private var context = Register()
    /// The register the rules across entries read, when given ahead: they then run as each activity and
    /// record is consumed, and their findings wait here, activities' first.
    private var ahead: Register?
    private var activityFindingsAcrossEntries: [Finding] = []
    private var recordFindingsAcrossEntries: [Finding] = []
    private var auditFindingsAcrossEntries: [Finding] = []
    /// Without the register ahead: the activities and processor records, packed, until every agreement is
    /// known.
    private var backlog = AcrossEntriesBacklog()
    private let now: Date?
    private let rules: [Rule]
    private let defers: Bool

    /// - Parameters:
    ///   - now: the moment the check is made, for the rules that ask whether something is late; without
    ///     it, those rules only judge what the register itself dates.
    ///   - rules: the rules to run (by default every rule of registre).
    ///   - reviewPeriod: how long an activity may go without review (``Register/reviewPeriod``);
    ///     three years when nil.
    ///   - readAhead: the register's organisations, agreements and audits, read before the entries are
    ///     consumed (a database can read them by kind, a file cannot). The rules across entries then judge
    ///     each activity and processor record as it comes, and nothing of it is kept; the findings are the
    ///     same as without it, provided it holds every organisation, agreement and audit of the entries
    ///     consumed.
    public init(now: Date? = nil, rules: [Rule] = RegisterCheck.rules, reviewPeriod: PeriodLength? = nil, readAhead: Register? = nil) {
        self.now = now
        self.rules = rules
        context.reviewPeriod = reviewPeriod
        defers = rules.contains { $0.inspection.isAcrossEntries }
        if var ahead = readAhead {
            ahead.reviewPeriod = reviewPeriod ?? ahead.reviewPeriod
            self.ahead = ahead
        }
    }

    /// Takes the register's title and organisations as read already, without checking them: an activity
    /// consumed next is judged as in a check of the whole register (whose organisations come first).
    mutating func assumeRead(_ parties: Register) {
        context.title = parties.title
        context.organisations = parties.organisations
    }

    /// Checks one entry of the register, given in the order of the format.
    public mutating func consume(_ entry: RegisterEntry) {
        switch entry {
        case .title(let title, let period):
            context.title = title
            // The period the register sets, unless the caller gave one.
            if let period, context.reviewPeriod == nil { context.reviewPeriod = period }
        case .organisation(let organisation):
            context.organisations.append(organisation)
            inspect(.init(.organisation, organisation.id)) { if case .organisation(let f) = $0 { f(organisation, $1) } else { nil } }
        case .activity(let activity):
            inspect(.init(.activity, activity.id)) { if case .activity(let f) = $0 { f(activity, $1) } else { nil } }
            guard defers else { break }
            if let ahead {
                activityFindingsAcrossEntries += judgeAcrossEntries(activity, in: ahead)
            } else {
                backlog.keep(activity)
            }
        case .processorRecord(let record):
            inspect(.init(.processorRecord, record.id)) { if case .processorRecord(let f) = $0 { f(record, $1) } else { nil } }
            guard defers else { break }
            if let ahead {
                recordFindingsAcrossEntries += judgeAcrossEntries(record, in: ahead)
            } else {
                backlog.keep(record)
            }
        case .agreement(let agreement):
            context.agreements.append(agreement)
            inspect(.init(.agreement, agreement.id)) { if case .agreement(let f) = $0 { f(agreement, $1) } else { nil } }
        case .matrix(let matrix):
            inspect(.init(.matrix, matrix.id)) { if case .matrix(let f) = $0 { f(matrix, $1) } else { nil } }
        case .audit(let audit):
            // Kept for the audit frequency cap, which counts every audit of the agreement, those later in
            // the file included (few per agreement): judged at the end, or now against the register ahead.
            context.audits.append(audit)
            inspect(.init(.audit, audit.id)) { if case .audit(let f) = $0 { f(audit, $1) } else { nil } }
            if defers, let ahead { auditFindingsAcrossEntries += judgeAcrossEntries(audit, in: ahead) }
        case .breach(let breach):
            let now = now
            inspect(.init(.breach, breach.id)) { if case .breach(let f) = $0 { f(breach, $1, now) } else { nil } }
        case .campaign:
            break
        case .request(let request):
            let now = now
            inspect(.init(.request, request.id)) { if case .request(let f) = $0 { f(request, $1, now) } else { nil } }
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

    private func judgeAcrossEntries(_ activity: ProcessingActivity, in register: Register) -> [Finding] {
        let now = now
        return Self.findings(of: rules, on: .init(.activity, activity.id), in: register) {
            if case .activityAcrossEntries(let f) = $0 { f(activity, $1, now) } else { nil }
        }
    }

    private func judgeAcrossEntries(_ audit: AuditRequest, in register: Register) -> [Finding] {
        Self.findings(of: rules, on: .init(.audit, audit.id), in: register) {
            if case .auditAcrossEntries(let f) = $0 { f(audit, $1) } else { nil }
        }
    }

    private func judgeAcrossEntries(_ record: ProcessorRecord, in register: Register) -> [Finding] {
        Self.findings(of: rules, on: .init(.processorRecord, record.id), in: register) {
            if case .processorRecordAcrossEntries(let f) = $0 { f(record, $1) } else { nil }
        }
    }

    /// The rules across entries: judged already when the register was given ahead; otherwise over the
    /// activities and records kept, now that every agreement is known.
    private func findingsAcrossEntries() -> [Finding] {
        if ahead != nil { return activityFindingsAcrossEntries + recordFindingsAcrossEntries + auditFindingsAcrossEntries }
        var findings: [Finding] = []
        backlog.forEachActivity { findings += judgeAcrossEntries($0, in: context) }
        backlog.forEachRecord { findings += judgeAcrossEntries($0, in: context) }
        for audit in context.audits { findings += judgeAcrossEntries(audit, in: context) }
        return findings
    }

    /// The bytes kept per activity and processor record for the rules across entries, without the
    /// register ahead: what a check's memory grows by.
    var bytesKeptPerEntry: Int { backlog.bytesPerEntry }
}
