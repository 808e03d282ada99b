public import Foundation

/// One line of `registre members`: where a member of a mutualisation structure stands, so that the
/// structure's DPO sees first who needs action. Everything is attributed from indexes built once, so the
/// view of hundreds of members costs one pass over the register and its findings.
public struct MemberOverview: Hashable, Sendable {
    /// A breach whose notification to the authority is still to be made (Art. 33(1)).
    public struct OpenBreach: Hashable, Sendable {
        /// The breach's id.
        public var id: EntityID
        /// The breach's title.
        public var title: String
        /// Where the breach stands against the 72 hours.
        public var clock: BreachDecision.ClockState
        /// The end of the 72 hours.
        public var deadline: Date
    }

    /// The member (an ``Organisation``'s id).
    public var member: EntityID
    /// The member's name.
    public var name: String
    /// How many activities the member controls.
    public var activities: Int
    /// Activities with no review date (the CNIL recommends reviewing the register every year).
    public var unreviewedActivities: Int
    /// The most recent review of any of its activities.
    public var lastReview: CalendarDate?
    /// How many findings of the member's entries are errors.
    public var errors: Int
    /// How many findings of the member's entries are warnings.
    public var warnings: Int
    /// The member's breaches not yet notified, most urgent first.
    public var openBreaches: [OpenBreach]
    /// Overdue deadlines of its agreements and audits (its breaches are under `openBreaches`).
    public var overdueDeadlines: [ScheduledDeadline]
    /// Art. 28(2): the windows in which it can still object to a change of sub-processor.
    public var openObjectionWindows: [ScheduledDeadline]

    /// What needs action first: overdue breach notifications, then overdue deadlines, breaches due within
    /// 24 hours, errors, other open breaches, objection windows still open, warnings, then the oldest
    /// review (never reviewed first). Larger is more urgent, up to the review date.
    var urgency: [Int] {
        let breaches = { (states: Set<BreachDecision.ClockState>) in self.openBreaches.filter { states.contains($0.clock) }.count }
        return [breaches([.overdue]), overdueDeadlines.count, breaches([.dueSoon]), errors, breaches([.inTime]),
                openObjectionWindows.count, warnings, unreviewedActivities]
    }

    /// The overview of every member of `structure`, what needs action first.
    /// - Parameters:
    ///   - structure: the mutualisation structure whose members are overviewed.
    ///   - register: the register that holds the structure, its members and their entries.
    ///   - now: the instant the clocks and deadlines are read at.
    ///   - findings: what `check` found in the register at `now` (`RegisterCheck.findings(in:now:)`).
    public static func overview(of structure: Organisation, in register: Register, findings: [Finding], now: Date) -> [MemberOverview] {
        var building = OverviewBuilding(structure, in: register)
        building.attributeEntries(of: register, now: now)
        building.count(findings)
        building.addOverdueDeadlines(of: register, now: now)
        building.addOpenObjectionWindows(of: register, now: now)
        return building.overviews.values.sorted(by: needsActionFirst)
    }

    /// The more urgent first (``urgency``), then the oldest review (never reviewed first), then by id.
    static func needsActionFirst(_ lhs: MemberOverview, _ rhs: MemberOverview) -> Bool {
        if lhs.urgency != rhs.urgency { return lhs.urgency.lexicographicallyPrecedes(rhs.urgency) == false }
        if lhs.lastReview != rhs.lastReview {
            guard let left = lhs.lastReview else { return true }
            guard let right = rhs.lastReview else { return false }
            return left < right
        }
        return lhs.member < rhs.member
    }
}

/// The overviews of a structure's members as one pass over the register fills them.
private struct OverviewBuilding {
    let members: Set<EntityID>
    var overviews: [EntityID: MemberOverview] = [:]
    /// Whom each entry concerns, among the members: where its findings and deadlines are counted.
    var concerned: [Finding.Subject: [EntityID]] = [:]

    init(_ structure: Organisation, in register: Register) {
        members = Set(structure.members)
        for id in structure.members where overviews[id] == nil {
            overviews[id] = MemberOverview(
                member: id, name: register.organisation(id)?.name ?? id, activities: 0, unreviewedActivities: 0,
                errors: 0, warnings: 0, openBreaches: [], overdueDeadlines: [], openObjectionWindows: [])
        }
    }

    mutating func concern(_ subject: Finding.Subject, _ ids: [EntityID]) {
        let found = Set(ids).intersection(members)
        if !found.isEmpty { concerned[subject] = found.sorted() }
    }

    /// Whom each entry concerns; the members' activities counted and their open breaches listed.
    mutating func attributeEntries(of register: Register, now: Date) {
        for organisation in register.organisations { concern(Finding.Subject(.organisation, organisation.id), [organisation.id]) }
        for activity in register.activities {
            concern(Finding.Subject(.activity, activity.id), [activity.controller] + activity.jointControllers.map(\.organisation))
            count(activity)
        }
        for record in register.processorRecords { concern(Finding.Subject(.processorRecord, record.id), [record.controller, record.processor]) }
        for agreement in register.agreements {
            concern(Finding.Subject(.agreement, agreement.id), agreement.controllers + [agreement.processor])
        }
        for matrix in register.matrices { concern(Finding.Subject(.matrix, matrix.id), matrix.parties.map(\.organisation)) }
        for audit in register.audits { concern(Finding.Subject(.audit, audit.id), [audit.requester, audit.auditee]) }
        for breach in register.breaches {
            concern(Finding.Subject(.breach, breach.id), [breach.controller])
            addIfOpen(breach, in: register, now: now)
        }
    }

    /// An activity of a member: counted, with its review.
    mutating func count(_ activity: ProcessingActivity) {
        guard members.contains(activity.controller) else { return }
        overviews[activity.controller]?.activities += 1
        if let reviewed = activity.lastReviewed {
            let previous = overviews[activity.controller]?.lastReview ?? reviewed
            overviews[activity.controller]?.lastReview = max(previous, reviewed)
        } else {
            overviews[activity.controller]?.unreviewedActivities += 1
        }
    }

    /// A breach of a member whose notification is still to be made.
    mutating func addIfOpen(_ breach: Breach, in register: Register, now: Date) {
        guard members.contains(breach.controller) else { return }
        let decision = BreachDecision(breach, in: register, now: now)
        guard [.inTime, .dueSoon, .overdue].contains(decision.clock) else { return }
        overviews[breach.controller]?.openBreaches.append(
            MemberOverview.OpenBreach(id: breach.id, title: breach.title, clock: decision.clock, deadline: decision.deadline))
    }

    mutating func count(_ findings: [Finding]) {
        for finding in findings {
            for member in concerned[finding.subject] ?? [] {
                switch finding.severity {
                case .error: overviews[member]?.errors += 1
                case .warning: overviews[member]?.warnings += 1
                case .info: break
                }
            }
        }
    }

    /// The overdue deadlines of the entries that concern a member, its breaches aside (they are open
    /// breaches).
    mutating func addOverdueDeadlines(of register: Register, now: Date) {
        for deadline in DeadlineSchedule.deadlines(in: register, now: now)
        where deadline.subject.kind != .breach && deadline.status(at: now) == .overdue {
            for member in concerned[deadline.subject] ?? [] { overviews[member]?.overdueDeadlines.append(deadline) }
        }
    }

    /// The objection windows still open: of the agreements a member signed, and of a change notified to
    /// the structure for each member whose activities use the processor.
    mutating func addOpenObjectionWindows(of register: Register, now: Date) {
        for agreement in register.agreements {
            for window in ObjectionWindow.open(in: agreement, register: register) {
                let deadline = window.deadline(in: register)
                guard deadline.due >= now else { continue }
                for member in agreement.controllers where members.contains(member) {
                    overviews[member]?.openObjectionWindows.append(deadline)
                }
            }
        }
        for window in ChangeNoticeFanOut.windows(in: register) where window.deadline.due >= now && members.contains(window.member) {
            overviews[window.member]?.openObjectionWindows.append(window.deadline)
        }
    }
}
