import Foundation
import GRDB
import RegistreCore

/// Keeps the table `finding` up to date inside each write transaction: `JournalAppender`, through which
/// every change of the register passes (import, the commands' and the desk's point writes, campaigns,
/// models), notes what it changes, and the transaction settles the findings before it commits.
///
/// What moves what: no rule of a party (any entry but an activity) reads an activity, and an activity's
/// rules read the activity and the parties only. So a changed activity is judged again alone; a changed
/// party has every party judged again (they grow with the organisations, not the activities) and, with
/// them, the activities that name an organisation it concerns — the organisations it names, before and
/// after the change, and those of the agreements, records, matrices and structures that name these
/// (found through the indexes on activities' controllers, joint controllers and processors). When that is
/// too many organisations, or the register's own entry changed, every activity is judged again, streamed.
///
/// A request of a person is judged alone too, like an activity, and among its controller's own entries
/// only: no rule of a request reads another entry than its controller, whose calendar counts its month
/// (`parties(around:_:)` of a request). A register may hold many, and a request answered must
/// neither have every party judged again nor read them. A changed organisation has its requests judged
/// again (through the index on requests' controllers); the register's own entry, every request. Each
/// request judged again has its clock kept again too (`RequestClockTable`: its last day moves with its
/// controller's calendar).
struct FindingKeeper {
    /// Organisations concerned past which every activity is judged again rather than looked up.
    static let wideChange = 200

    private var activities: Set<EntityID> = []
    private var requests: Set<EntityID> = []
    private var partiesChanged = false
    private var wholeRegister = false
    /// Organisations the changed parties named before the change (after it, they are read at the end).
    private var namedBefore: Set<EntityID> = []
    private var changedParties: Set<EntityKey> = []

    /// Notes a change about to be applied: `before` is the entry as it stood (nil when created).
    mutating func note(_ key: EntityKey, before: RegisterEntry?) {
        switch key.kind {
        case .activity:
            activities.insert(key.id)
        case .request:
            requests.insert(key.id)
        case .register:
            wholeRegister = true
            partiesChanged = true
        default:
            partiesChanged = true
            changedParties.insert(key)
            if let before { namedBefore.formUnion(Self.organisations(namedBy: before)) }
        }
    }

    /// Whether a change of this kind needs the entry as it stood to be noted.
    static func needsBefore(_ kind: EntityKind) -> Bool { kind != .activity && kind != .register && kind != .request }

    /// Brings the findings of everything the transaction changed up to date.
    func settle(_ db: Database) throws {
        guard partiesChanged || !activities.isEmpty || !requests.isEmpty else { return }
        guard partiesChanged else {
            // Activities and requests only (a save on the desk, an act on a request, a point write): each
            // judged against the parties it names, read by key and through the indexes, never every party
            // of the register.
            try Self.judge(activities, db) { try Self.parties(around: $0, db) }
            try Self.judge(requests: requests, db) { try Self.parties(around: $0, db) }
            return
        }
        let parties = try Self.parties(db)
        // Every party is read: the breaches' clocks kept again with them (a calendar may have moved).
        try BreachClockTable.keepEvery(in: parties, db)
        if partiesChanged {
            try db.execute(sql: "DELETE FROM finding WHERE kind NOT IN ('activity', 'request')")
            for (key, rows) in KeptFinding.rows(ofParties: parties) { try KeptFinding.insert(rows, for: key, db) }
        }
        try settleRequests(amongParties: parties, db)
        let concerned = partiesChanged ? organisationsConcerned(parties) : []
        if wholeRegister || concerned.count > Self.wideChange {
            try Self.judgeEveryActivity(amongParties: parties, db)
            return
        }
        var judged = activities
        if !concerned.isEmpty { judged.formUnion(try Self.activities(naming: concerned, db)) }
        try Self.judge(judged, db) { _ in parties }
    }

    /// The activities `ids` judged again, each against the parties `parties` gives for it; one deleted
    /// keeps no row.
    private static func judge(_ ids: Set<EntityID>, _ db: Database, among parties: (ProcessingActivity) throws -> Register) throws {
        let lookup = EntryLookup(db: db)
        for id in ids.sorted() {
            let key = EntityKey(.activity, id)
            guard case .activity(let activity)? = try lookup.entry(key) else {
                try KeptFinding.replace(key, with: [], db)
                continue
            }
            try KeptFinding.replace(key, with: KeptFinding.rows(of: activity, amongParties: try parties(activity)), db)
        }
    }

    /// The requests changed, and those whose controller changed, judged again; every one when the
    /// register's own entry changed.
    private func settleRequests(amongParties parties: Register, _ db: Database) throws {
        if wholeRegister {
            try Self.judgeEveryRequest(amongParties: parties, db)
            return
        }
        var judged = requests
        let organisations = Set(changedParties.filter { $0.kind == .organisation }.map(\.id))
        if !organisations.isEmpty {
            let list = String(decoding: try JSONEncoder().encode(organisations.sorted()), as: UTF8.self)
            judged.formUnion(try String.fetchAll(db, sql: """
                SELECT id FROM field INDEXED BY request_controller
                WHERE kind = 'request' AND name = 'controller' AND value IN (SELECT json_quote(value) FROM json_each(?1))
                """, arguments: [list]))
        }
        try Self.judge(requests: judged, db) { _ in parties }
    }

    /// The requests `ids` judged again, each against the parties `parties` gives for it; one deleted keeps
    /// no row.
    private static func judge(requests ids: Set<EntityID>, _ db: Database, among parties: (DataSubjectRequest) throws -> Register) throws {
        let lookup = EntryLookup(db: db)
        let clocks = try RequestClockTable.exists(db)
        for id in ids.sorted() {
            let key = EntityKey(.request, id)
            guard case .request(let request)? = try lookup.entry(key) else {
                try KeptFinding.replace(key, with: [], db)
                if clocks { try RequestClockTable.remove(id, db) }
                continue
            }
            let among = try parties(request)
            try KeptFinding.replace(key, with: KeptFinding.rows(of: request, amongParties: among), db)
            if clocks { try RequestClockTable.keep(request, amongParties: among, db) }
        }
    }

    /// The parties a request's rules read, and only those: the register's own entry and the request's
    /// controller (its time zone, and the public holidays of its region or country that count the month
    /// of Art. 12(3)), read by key. No rule of a request reads another entry
    /// (``RegisterCheck/findings(of:amongParties:now:rules:)``): the request is judged as against every
    /// party, at the cost of one organisation.
    static func parties(around request: DataSubjectRequest, _ db: Database) throws -> Register {
        var parties = Register()
        for key in [EntityKey.register, EntityKey(.organisation, request.controller)] {
            guard let state = try StoreTables.state(of: key, db) else { continue }
            parties.append(try RegisterSnapshot.entry(key, fields: state.fields))
        }
        return parties
    }

    /// Every entry judged again: a migration, a database whose findings were judged by other rules
    /// (``KeptFindingRules``).
    static func judgeEverything(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM finding")
        let parties = try parties(db)
        for (key, rows) in KeptFinding.rows(ofParties: parties) { try KeptFinding.insert(rows, for: key, db) }
        try BreachClockTable.keepEvery(in: parties, db)
        try judgeEveryActivity(amongParties: parties, db)
        try judgeEveryRequest(amongParties: parties, db)
    }

    /// Every request judged again against `parties`, one at a time, and its clock kept again
    /// (`RequestClockTable`, once the database has it).
    static func judgeEveryRequest(amongParties parties: Register, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM finding WHERE kind = 'request'")
        let clocks = try RequestClockTable.exists(db)
        if clocks { try db.execute(sql: "DELETE FROM request_clock") }
        try StoredEntryCursor.within(db, RegisterStore.queries([.request]), explain: { $0 }) { cursor in
            while let entry = try cursor.next() {
                guard case .request(let request) = entry else { continue }
                try KeptFinding.insert(KeptFinding.rows(of: request, amongParties: parties), for: entry.key, db)
                if clocks { try RequestClockTable.keep(request, amongParties: parties, db) }
            }
        }
    }

    /// Every activity judged again against `parties`, one at a time: an import, a migration, a change of
    /// the register's own entry.
    static func judgeEveryActivity(amongParties parties: Register, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM finding WHERE kind = 'activity'")
        try StoredEntryCursor.within(db, RegisterStore.queries([.activity]), explain: { $0 }) { cursor in
            while let entry = try cursor.next() {
                guard case .activity(let activity) = entry else { continue }
                try KeptFinding.insert(KeptFinding.rows(of: activity, amongParties: parties), for: entry.key, db)
            }
        }
    }

    /// Every entry but the activities and the requests, in the order of the format.
    static func parties(_ db: Database) throws -> Register {
        var parties = Register()
        try StoredEntryCursor.within(db, RegisterStore.queries(Set(EntityKind.allCases).subtracting([.activity, .request])), explain: { $0 }) {
            try $0.forEach { parties.append($0) }
        }
        return parties
    }

    /// The parties an activity's rules read, and only those: the register's own entry (its review period),
    /// the organisations the activity names and the structures they are members of, the agreements that
    /// bind any of them (as controller, processor or sub-processor) with those agreements' parties, and
    /// the processor records between them; in the order of the format. No rule of an activity reads
    /// another party (``RegisterCheck/findings(of:amongParties:now:rules:)``): the activity is judged as
    /// against every party, at the cost of the few it names (through the indexes of v6 and v10).
    static func parties(around activity: ProcessingActivity, _ db: Database) throws -> Register {
        var named = Set(RegisterEntry.activity(activity).references.filter { $0.kind == .organisation }.map(\.id))
        named.insert(activity.controller)
        func list(_ ids: Set<EntityID>) throws -> String { String(decoding: try JSONEncoder().encode(ids.sorted()), as: UTF8.self) }
        // The structures (centres de gestion) of those organisations, whose agreements cover their members.
        named.formUnion(try String.fetchAll(db.cachedStatement(sql: """
            SELECT f.id FROM field f INDEXED BY organisation_members, json_each(f.value) AS member
            WHERE f.kind = 'organisation' AND f.name = 'members' AND f.value != '[]' AND member.value IN (SELECT value FROM json_each(?1))
            """), arguments: [try list(named)]))
        let names = try list(named)
        let agreements = try String.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM field INDEXED BY agreement_processor
            WHERE kind = 'agreement' AND name = 'processor' AND value IN (SELECT json_quote(value) FROM json_each(?1))
            UNION
            SELECT f.id FROM field f INDEXED BY agreement_controllers, json_each(f.value) AS controller
            WHERE f.kind = 'agreement' AND f.name = 'controllers' AND controller.value IN (SELECT value FROM json_each(?1))
            UNION
            SELECT f.id FROM field f INDEXED BY agreement_subprocessors, json_each(f.value) AS sub
            WHERE f.kind = 'agreement' AND f.name = 'subProcessors' AND f.value != '[]'
              AND (json_extract(sub.value, '$.organisation') IN (SELECT value FROM json_each(?1))
                   OR json_extract(sub.value, '$.engagedBy') IN (SELECT value FROM json_each(?1)))
            """), arguments: [names])
        let records = try String.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM field
            WHERE kind = 'processor-record' AND name IN ('controller', 'processor') AND value IN (SELECT json_quote(value) FROM json_each(?1))
            """), arguments: [names])
        var found: [(key: EntityKey, position: Int, entry: RegisterEntry)] = []
        var organisations = named
        func read(_ key: EntityKey) throws {
            guard let state = try StoreTables.state(of: key, db) else { return }
            let entry = try RegisterSnapshot.entry(key, fields: state.fields)
            found.append((key, state.position, entry))
            if key.kind == .agreement || key.kind == .processorRecord {
                organisations.formUnion(entry.references.filter { $0.kind == .organisation }.map(\.id))
            }
        }
        try read(.register)
        for id in Set(agreements).sorted() { try read(EntityKey(.agreement, id)) }
        for id in Set(records).sorted() { try read(EntityKey(.processorRecord, id)) }
        for id in organisations.sorted() { try read(EntityKey(.organisation, id)) }
        var parties = Register()
        for (_, _, entry) in found.sorted(by: { ($0.key.kind, $0.position, $0.key.id) < ($1.key.kind, $1.position, $1.key.id) }) {
            parties.append(entry)
        }
        return parties
    }

    /// The organisations the changed parties name (before and after), with those of the parties that
    /// name one of them: an agreement's controllers and processor when its sub-processor changed, a
    /// structure's members when its agreement changed.
    private func organisationsConcerned(_ parties: Register) -> Set<EntityID> {
        var named = namedBefore
        for entry in parties.entries where changedParties.contains(entry.key) { named.formUnion(Self.organisations(namedBy: entry)) }
        named.formUnion(changedParties.filter { $0.kind == .organisation }.map(\.id))
        var concerned = named
        for entry in parties.entries {
            let names = Self.organisations(namedBy: entry)
            guard !names.isDisjoint(with: named) else { continue }
            concerned.formUnion(names)
        }
        return concerned
    }

    /// The organisations an entry names, itself included when it is one (a structure names its members).
    static func organisations(namedBy entry: RegisterEntry) -> Set<EntityID> {
        var names = Set(entry.references.filter { $0.kind == .organisation }.map(\.id))
        if case .organisation(let organisation) = entry {
            names.insert(organisation.id)
            names.formUnion(organisation.members)
        }
        return names
    }

    /// The activities whose controller, a joint controller or a processor is among `organisations`,
    /// through the partial indexes on those fields.
    static func activities(naming organisations: Set<EntityID>, _ db: Database) throws -> Set<EntityID> {
        let list = String(decoding: try JSONEncoder().encode(organisations.sorted()), as: UTF8.self)
        return Set(try String.fetchAll(db, sql: """
            SELECT id FROM field INDEXED BY activity_controller
            WHERE kind = 'activity' AND name = 'controller' AND value IN (SELECT json_quote(value) FROM json_each(?1))
            UNION
            SELECT f.id FROM field f INDEXED BY activity_joint, json_each(f.value) AS joint
            WHERE f.kind = 'activity' AND f.name = 'jointControllers' AND f.value != '[]'
              AND json_extract(joint.value, '$.organisation') IN (SELECT value FROM json_each(?1))
            UNION
            SELECT f.id FROM field f INDEXED BY activity_processors, json_each(f.value) AS engaged
            WHERE f.kind = 'activity' AND f.name = 'processors' AND f.value != '[]'
              AND json_extract(engaged.value, '$.processor') IN (SELECT value FROM json_each(?1))
            """, arguments: [list]))
    }
}
