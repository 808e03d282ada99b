public import Foundation
public import RegistreCore
public import RegistreStore

/// The acts of the breach register (Art. 33(5)), written once for the command line and the desk: each is
/// one write transaction in which the breach's id is allocated, its timeline checked and it is saved, so
/// that two people declaring breaches at the same moment each get one, and a breach whose times cannot
/// have happened is never recorded.
public struct BreachActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the breaches of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// What opens a breach: only what starts the clock, and whose breach it is.
    public struct Opening: Sendable {
        /// What happened, in a few words.
        public var title: String
        /// When the controller became aware: the 72 hours of Art. 33(1) run from it.
        public var aware: Date
        /// Confidentiality, integrity, availability: one or more.
        public var nature: [Breach.Nature]
        /// The controller; nil for the register's default (its only controller, or the first).
        public var controller: EntityID?
        /// The id chosen by the person; nil for `breach-YYYYMMDD-N` (`BreachOpening/defaultID(aware:calculator:isUsed:)`).
        public var id: EntityID?

        /// A breach to open, as declared.
        /// - Parameters:
        ///   - title: what happened.
        ///   - aware: when the controller became aware.
        ///   - nature: the kinds of loss.
        ///   - controller: whose breach it is; nil for the register's default.
        ///   - id: the id chosen; nil for the next free `breach-YYYYMMDD-N`.
        public init(title: String, aware: Date, nature: [Breach.Nature], controller: EntityID? = nil, id: EntityID? = nil) {
            self.title = title
            self.aware = aware
            self.nature = nature
            self.controller = controller
            self.id = id
        }
    }

    /// A breach as the act left it, with the part of the register its decision and clock are read in
    /// (its controller, whose time zone names the deadline, and what the breach names).
    public struct Recorded: Sendable {
        /// The breach as saved.
        public var breach: Breach
        /// The breach among the entries it refers to.
        public var register: Register
    }

    /// Opens a breach: the controller and the id are settled, and the breach saved, inside one write
    /// transaction, so that the id is free when it is taken.
    /// - Throws: ``BreachRefusal`` (no controller, an unknown one or one the person may not act for, an
    ///   unusable id, an impossible timeline); what the store throws (`StoreError`, the reader's checks).
    public func open(_ opening: Opening, by acting: Acting) throws -> Recorded {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            guard let controller = try opening.controller ?? edit.defaultController() else { throw BreachRefusal.noOrganisation }
            let around = try edit.register(around: [EntityKey(.organisation, controller)])
            guard around.organisation(controller) != nil else { throw BreachRefusal.unknownController(controller) }
            guard acting.mayEdit(organisation: controller) else { throw BreachRefusal.notAllowed }
            let id = try Self.newID(opening.id, aware: opening.aware, calculator: DeadlineCalculator.for(controller, in: around), in: edit)
            let breach = Breach(id: id, title: opening.title, controller: controller, aware: opening.aware, nature: opening.nature)
            return try Self.save(breach, in: edit, now: acting.now)
        }.value
    }

    /// Changes one breach as stored in the transaction (never a copy read before, so that what another
    /// person recorded meanwhile is kept), refuses a timeline that cannot have happened, and saves it.
    /// - Parameters:
    ///   - id: the breach.
    ///   - acting: who changes it, and when.
    ///   - change: what the person changes; what it throws is thrown as it is, and nothing is written.
    /// - Throws: `StoreError/unknownEntry(_:)` for an unknown breach; ``BreachRefusal/notAllowed`` for a
    ///   breach the person may not change, before or after the change; ``BreachRefusal/impossibleTimeline(breach:findings:)``;
    ///   what `change` and the store throw.
    public func change(_ id: EntityID, by acting: Acting, _ change: (inout Breach) throws -> Void) throws -> Recorded {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            var breach = try edit.breach(id)
            guard acting.mayEdit(organisation: breach.controller) else { throw BreachRefusal.notAllowed }
            try change(&breach)
            guard acting.mayEdit(organisation: breach.controller) else { throw BreachRefusal.notAllowed }
            return try Self.save(breach, in: edit, now: acting.now)
        }.value
    }

    /// Art. 33(2): a breach at a processor, opened for each other controller of its agreement (or those
    /// asked), each with its own clock from the moment the processor told it; the source breach keeps the
    /// processor's reference for the incident. One transaction: all are opened, or none.
    /// - Parameters:
    ///   - id: the breach recorded by one controller, naming the processor's agreement.
    ///   - told: when the processor told the other controllers.
    ///   - asked: only these controllers (empty: every controller of the agreement, skipping those already opened).
    ///   - incident: the processor's reference for the incident (default: the source's, else its id).
    ///   - acting: who opens them, and when.
    /// - Returns: the breaches opened.
    /// - Throws: `ProcessorBreachFanOut/Refusal` (no agreement, a controller asked that is not one of
    ///   it or whose breach is already opened); ``BreachRefusal`` (``BreachRefusal/notAllowed`` for a
    ///   source or a controller concerned the person may not act for); what the store throws.
    public func fanOut(
        _ id: EntityID, told: Date, asked: [EntityID], incident: String?, by acting: Acting
    ) throws -> [Recorded] {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            var source = try edit.breach(id)
            guard acting.mayEdit(organisation: source.controller) else { throw BreachRefusal.notAllowed }
            if let incident { source.processorIncident = incident } else if source.processorIncident == nil { source.processorIncident = source.id }
            let around = try edit.register(around: [EntityKey(.breach, id)])
            var opened: [Recorded] = []
            for concerned in try ProcessorBreachFanOut.controllers(concernedBy: source, in: around, asked: asked) {
                // A controller's breach is written in its part of the register: only by someone who may act for it.
                guard acting.mayEdit(organisation: concerned) else { throw BreachRefusal.notAllowed }
                let breachID = ProcessorBreachFanOut.id(for: concerned, from: source)
                if try edit.isUsed(breachID) {
                    guard asked.isEmpty else { throw ProcessorBreachFanOut.Refusal.alreadyRecorded(controller: concerned, breach: breachID) }
                    continue
                }
                opened.append(try Self.save(ProcessorBreachFanOut.breach(for: concerned, id: breachID, from: source, told: told), in: edit, now: acting.now))
            }
            try edit.save(.breach(source))
            return opened
        }.value
    }

    /// The id of a new breach, settled inside the transaction that saves it.
    private static func newID(_ given: EntityID?, aware: Date, calculator: DeadlineCalculator, in edit: RegisterEdit) throws -> EntityID {
        if let given {
            guard Register.isValidID(given) else { throw BreachRefusal.malformedID(given) }
            guard try !edit.isUsed(given) else { throw BreachRefusal.idInUse(given) }
            return given
        }
        return try BreachOpening.defaultID(aware: aware, calculator: calculator, isUsed: edit.isUsed)
    }

    /// Saves `breach` once its times are found to tell a possible story (``checkTimeline(of:in:now:)``).
    private static func save(_ breach: Breach, in edit: RegisterEdit, now: Date) throws -> Recorded {
        let register = try checkTimeline(of: breach, in: edit, now: now)
        try edit.save(.breach(breach))
        return Recorded(breach: breach, register: register)
    }

    /// Whether the times of `breach` tell a possible story (`RegisterCheck.breachTimelineRules` at `now`:
    /// it starts before it ends, nobody is aware of it before it starts or in the future, it is notified
    /// once known): the one place where that rule guards a write of a breach, by an act here or by a form
    /// of the desk that changes a breach with its own version check.
    /// - Parameters:
    ///   - breach: the breach about to be saved.
    ///   - edit: the write transaction that saves it, which reads its controller (its time zone).
    ///   - now: the moment of the act.
    /// - Returns: the breach among its controller's entries, for its decision and clock.
    /// - Throws: ``BreachRefusal/impossibleTimeline(breach:findings:)``; what the store throws reading the controller.
    public static func checkTimeline(of breach: Breach, in edit: RegisterEdit, now: Date) throws -> Register {
        var register = try edit.register(around: [EntityKey(.organisation, breach.controller)])
        register.breaches = [breach]
        let findings = RegisterCheck.findings(in: register, now: now, rules: RegisterCheck.breachTimelineRules)
        guard findings.isEmpty else { throw BreachRefusal.impossibleTimeline(breach: breach.id, findings: findings) }
        return register
    }
}
