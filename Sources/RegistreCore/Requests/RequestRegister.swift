public import Foundation

/// The register of requests drawn up from a register read one entry at a time: the organisations, which
/// come first in the order of the format, are kept (they give each request its controller's calendar and
/// the structure its members); then each request in scope is handed back with its clock and counted, so
/// that a register of 100,000 requests is drawn up in memory that holds the organisations and the
/// counts, not the requests.
///
/// Its scope: every request, one controller's (`--controller`), or a structure's and its members'
/// (`--members-of`), counted per member as well as in all.
public struct RequestRegister {
    /// Whose requests the register holds.
    public enum Scope: Hashable, Sendable {
        /// Every request.
        case whole
        /// The requests addressed to one organisation.
        case controller(EntityID)
        /// The requests addressed to a structure or to one of its members, counted per organisation.
        case membersOf(EntityID)

        /// The organisation the scope names, if any.
        public var organisation: EntityID? {
            switch self {
            case .whole: nil
            case .controller(let id), .membersOf(let id): id
            }
        }
    }

    /// A scope naming an organisation the register does not hold, or a structure without members.
    public struct UnknownScope: Error, Hashable, Sendable {
        /// The organisation named.
        public var organisation: EntityID

        /// A scope naming `organisation`, which the register does not hold (or not as a structure).
        /// - Parameter organisation: the organisation named.
        public init(organisation: EntityID) {
            self.organisation = organisation
        }
    }

    /// One request of the register, with its clock.
    public struct Row: Sendable {
        /// The request.
        public var request: DataSubjectRequest
        /// Its clock, in its controller's calendar.
        public var clock: RequestClock
    }

    /// Whose requests.
    public let scope: Scope
    /// The moment the register is drawn up at: what "overdue" and "in time" are read at.
    public let now: Date
    /// The organisations read so far.
    public private(set) var parties = Register()
    /// The counts of every request in scope.
    public private(set) var total = RequestTally()
    /// For ``Scope/membersOf(_:)``: the structure and each of its members, in that order, with their counts.
    public private(set) var perOrganisation: [(organisation: EntityID, tally: RequestTally)] = []
    /// The organisations in scope, once known; nil for the whole register.
    private var members: Set<EntityID>?
    private var settled = false
    /// Which organisation of ``perOrganisation`` each controller counts under.
    private var places: [EntityID: Int] = [:]

    /// A register of the requests in `scope`, as they stand at `now`.
    /// - Parameters:
    ///   - scope: whose requests.
    ///   - now: the moment the register is drawn up at.
    public init(scope: Scope, now: Date) {
        self.scope = scope
        self.now = now
    }

    /// Takes the next entry of the register: an organisation is kept, a request in scope and `admitted`
    /// is counted and handed back with its clock; anything else gives nil.
    /// - Parameters:
    ///   - entry: the next entry, in the order of the format.
    ///   - admitted: whether the request may be shown (the desk's account may read it).
    /// - Throws: ``UnknownScope`` at the first entry after the organisations when the scope's
    ///   organisation is not among them.
    public mutating func take(_ entry: RegisterEntry, admitted: (DataSubjectRequest) -> Bool = { _ in true }) throws -> Row? {
        switch entry {
        case .title:
            // The register's title comes before its organisations: the scope is not known yet.
            return nil
        case .organisation(let organisation):
            parties.organisations.append(organisation)
            return nil
        default:
            try settle()
        }
        guard case .request(let request) = entry, members?.contains(request.controller) ?? true, admitted(request) else { return nil }
        let clock = RequestClock(request, in: parties)
        total.count(request, clock: clock, now: now)
        if let place = places[request.controller] { perOrganisation[place].tally.count(request, clock: clock, now: now) }
        return Row(request: request, clock: clock)
    }

    /// Fixes the scope once the organisations are read: at the first entry after them, or at the end.
    /// - Throws: ``UnknownScope`` when the scope names an organisation the register does not hold.
    public mutating func settle() throws {
        guard !settled else { return }
        settled = true
        switch scope {
        case .whole:
            members = nil
        case .controller(let id):
            guard parties.organisation(id) != nil else { throw UnknownScope(organisation: id) }
            members = [id]
        case .membersOf(let id):
            guard let structure = parties.organisation(id), !structure.members.isEmpty else { throw UnknownScope(organisation: id) }
            var seen: Set<EntityID> = []
            let organisations = [id] + structure.members.filter { $0 != id && parties.organisation($0) != nil }
            for organisation in organisations where seen.insert(organisation).inserted {
                places[organisation] = perOrganisation.count
                perOrganisation.append((organisation, RequestTally()))
            }
            members = seen
        }
    }

    /// The name of `organisation`, or its id when the register lacks it.
    /// - Parameter organisation: the organisation's id.
    public func name(of organisation: EntityID) -> String {
        parties.organisation(organisation)?.name ?? organisation
    }
}
