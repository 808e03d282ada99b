import Foundation
public import RegistreCore
public import RegistreStore

/// The acts on the requests of the people (Art. 15 to 22), written once for the command line and the
/// desk: each is one write transaction in which the request's id is allocated, its days checked against
/// each other and the day of the act (`RequestTimeline`), and it is saved.
public struct RequestActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the requests of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// A request as the act left it, with the part of the register its clock and answer are read in (its
    /// controller, whose calendar counts the month, and the activities it names).
    public struct Recorded: Sendable {
        /// The request as saved.
        public var request: DataSubjectRequest
        /// The request among the entries it refers to.
        public var register: Register
    }

    /// Opens a request: the id is settled and the request saved inside one write transaction, so that the
    /// id is free when it is taken.
    /// - Parameters:
    ///   - request: the request as received; its id is replaced by a free `request-YYYYMMDD-N` when
    ///     `chosenID` is nil, and an empty `DataSubjectRequest/person` by that id.
    ///   - chosenID: the id the person chose, if any.
    ///   - acting: who opens it, and when.
    /// - Throws: ``RequestRefusal``; what the store throws (`StoreError`, the reader's checks).
    public func open(_ request: DataSubjectRequest, chosenID: EntityID?, by acting: Acting) throws -> Recorded {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            var request = request
            let around = try edit.register(around: [EntityKey(.organisation, request.controller)])
            guard around.organisation(request.controller) != nil else { throw RequestRefusal.unknownController(request.controller) }
            guard acting.mayEdit(organisation: request.controller) else { throw RequestRefusal.notAllowed }
            if let chosenID {
                guard Register.isValidID(chosenID) else { throw RequestRefusal.malformedID(chosenID) }
                guard try !edit.isUsed(chosenID) else { throw RequestRefusal.idInUse(chosenID) }
                request.id = chosenID
            } else {
                request.id = try RequestOpening.defaultID(received: request.receipt.day, isUsed: edit.isUsed)
            }
            // Without a reference of the DPO's, the request's own id names the person: never their name.
            if request.person.isEmpty { request.person = request.id }
            return try Self.save(request, in: edit, now: acting.now)
        }.value
    }

    /// Changes one request as stored in the transaction (never a copy read before, so that what another
    /// person recorded meanwhile is kept), refuses days that cannot have happened, and saves it: what
    /// `request update`, `request extend` and `request answer` do, and the desk's form.
    /// - Parameters:
    ///   - id: the request.
    ///   - version: the version of the request the person's form showed (`RegisterStore.version(of:)`): a
    ///     later version stored is refused (``RequestRefusal/changedSince(request:version:)``); nil for the
    ///     command line, whose options name only what they change.
    ///   - acting: who changes it, and when.
    ///   - change: what the person changes; what it throws is thrown as it is, and nothing is written.
    /// - Throws: `StoreError/unknownEntry(_:)` for an unknown request; ``RequestRefusal``; what `change`
    ///   and the store throw.
    public func change(
        _ id: EntityID, shownAt version: Int? = nil, by acting: Acting, _ change: (inout DataSubjectRequest) throws -> Void
    ) throws -> Recorded {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            var request = try edit.request(id)
            guard acting.mayEdit(organisation: request.controller) else { throw RequestRefusal.notAllowed }
            if let version {
                let current = try edit.version(of: EntityKey(.request, id))
                guard current == version else { throw RequestRefusal.changedSince(request: id, version: current) }
            }
            try change(&request)
            request.id = id
            guard acting.mayEdit(organisation: request.controller) else { throw RequestRefusal.notAllowed }
            return try Self.save(request, in: edit, now: acting.now)
        }.value
    }

    /// Saves `request` once its days are found to tell a possible story at `now`, in its controller's calendar.
    private static func save(_ request: DataSubjectRequest, in edit: RegisterEdit, now: Date) throws -> Recorded {
        var register = try edit.register(around: [EntityKey(.organisation, request.controller)] + request.activities.map { EntityKey(.activity, $0) })
        let today = DeadlineCalculator.for(request.controller, in: register).day(of: now)
        let problems = RequestTimeline.problems(of: request, today: today)
        guard problems.isEmpty else { throw RequestRefusal.impossibleTimeline(request: request.id, problems: problems) }
        try edit.save(.request(request))
        register.requests = [request]
        return Recorded(request: request, register: register)
    }

    /// Every request of the register of record with what their clocks and answers read (the
    /// organisations, and the activities they name), in one read transaction; only those of
    /// `controllers` when given.
    /// - Parameters:
    ///   - store: the register of record.
    ///   - controllers: only these controllers' requests; nil for all.
    /// - Throws: `StoreError`.
    public static func register(of store: RegisterStore, controllers: Set<EntityID>? = nil) throws -> Register {
        try store.read { reading in
            var register = Register()
            try reading.entries(only: [.register, .organisation, .request]) { entry in
                if case .request(let request) = entry, let controllers, !controllers.contains(request.controller) { return }
                register.append(entry)
            }
            return register
        }
    }
}
