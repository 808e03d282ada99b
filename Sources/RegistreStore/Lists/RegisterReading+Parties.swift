import GRDB
public import RegistreCore

extension RegisterReading {
    /// The organisations the entries of `register` name (`RegisterEntry.references`), those these name
    /// in turn (a structure's members), and `ids`, in the register's order, each read through its key: a
    /// command that reads some kinds of entry whole (`deadlines`) needs their parties, not every
    /// organisation of a register of thousands. An id that names no organisation is left out, as
    /// `Register.organisation(_:)` finds none for it in the whole register.
    /// - Parameters:
    ///   - register: the entries read. The organisations it holds (read by an earlier call) are taken as
    ///     they are, only their positions looked up, and left out when nothing names them.
    ///   - ids: organisations asked for besides those named.
    /// - Throws: ``StoreError/corrupt(_:)`` for an organisation that cannot be read back.
    public func organisations(namedIn register: Register, and ids: [EntityID] = []) throws -> [Organisation] {
        let held = Dictionary(register.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let positionOf = try db.cachedStatement(sql: "SELECT position FROM entity WHERE kind = 'organisation' AND id = ?")
        var found: [EntityID: (position: Int, organisation: Organisation)] = [:]
        var tried: Set<EntityID> = []
        var frontier = ids + register.entries.lazy.filter { if case .organisation = $0 { false } else { true } }
            .flatMap(\.references).filter { $0.kind == .organisation }.map(\.id)
        while !frontier.isEmpty {
            var next: [EntityID] = []
            for id in frontier where tried.insert(id).inserted {
                if let organisation = held[id] {
                    guard let position = try Int.fetchOne(positionOf, arguments: [id]) else { continue }
                    found[id] = (position, organisation)
                    next += organisation.members
                    continue
                }
                let key = EntityKey(.organisation, id)
                guard let state = try StoreTables.state(of: key, db) else { continue }
                let entry: RegisterEntry
                do {
                    entry = try RegisterSnapshot.entry(key, fields: state.fields)
                } catch {
                    throw StoreError.corrupt("organisation '\(id)' cannot be read back: \(error)")
                }
                guard case .organisation(let organisation) = entry else { continue }
                found[id] = (state.position, organisation)
                next += organisation.members
            }
            frontier = next
        }
        return found.values.sorted { ($0.position, $0.organisation.id) < ($1.position, $1.organisation.id) }.map(\.organisation)
    }
}
