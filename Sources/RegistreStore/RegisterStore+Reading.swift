public import Foundation
import GRDB
public import RegistreCore

extension RegisterStore {
    // MARK: Reading the register

    /// The register as it stands.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func register() throws -> Register {
        var register = Register()
        try stream { register.append($0) }
        return register
    }

    /// The register as it stands, one entry at a time, in the order of the format.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout); what `consume` throws, as it is.
    public func stream(_ consume: (RegisterEntry) throws -> Void) throws {
        try stream(only: Set(EntityKind.allCases), consume)
    }

    /// The entries of some kinds only, one at a time, in the order of the format: what a question about
    /// contracts or breaches needs, without reading every activity of a large register
    /// (``withEntries(only:_:)``'s cursor, handed to `consume`).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the
    ///   busy timeout) or an entry cannot be read back; what `consume` throws, as it is.
    public func stream(only kinds: Set<EntityKind>, _ consume: (RegisterEntry) throws -> Void) throws {
        try withEntries(only: kinds) { try $0.forEach(consume) }
    }

    /// The register as it stood at `date`, rebuilt from the journal alone.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func register(asOf date: Date) throws -> Register {
        var register = Register()
        try stream(asOf: date) { register.append($0) }
        return register
    }

    /// The register as it stood at `date` (by the journal's time of writing), rebuilt from the journal
    /// alone and handed over one entry at a time, in the order of the format (``withEntries(asOf:_:)``'s
    /// cursor, handed to `consume`).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the
    ///   busy timeout) or an entry cannot be read back; what `consume` throws, as it is.
    public func stream(asOf date: Date, _ consume: (RegisterEntry) throws -> Void) throws {
        try withEntries(asOf: date) { try $0.forEach(consume) }
    }
}

extension RegisterStore {
    /// The activities an organisation controls, in the register's order, one at a time, through the index
    /// on activities' controllers (``RegisterReading/forEachActivity(controlledBy:_:)`` in a read transaction of its own).
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout); what `body` throws, as it is.
    public func forEachActivity(controlledBy organisation: EntityID, _ body: (ProcessingActivity) throws -> Void) throws {
        try read { try $0.forEachActivity(controlledBy: organisation, body) }
    }

    /// The activities an organisation records, as their controller or one of their joint controllers
    /// (``RegisterReading/forEachActivity(recordedBy:_:)`` in a read transaction of its own).
    /// - Throws: ``StoreError/corrupt(_:)`` for an activity that cannot be read, another ``StoreError`` when the
    ///   database cannot answer; what `body` throws, as it is.
    public func forEachActivity(recordedBy organisation: EntityID, _ body: (ProcessingActivity) throws -> Void) throws {
        try read { try $0.forEachActivity(recordedBy: organisation, body) }
    }

    /// How many activities an organisation controls.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func activityCount(controlledBy organisation: EntityID) throws -> Int {
        try read { try $0.activityCount(controlledBy: organisation) }
    }

    /// Runs `body` inside one read transaction: every read it makes through the ``RegisterReading`` it is
    /// given sees the register as it stood when the transaction began, whatever other processes write
    /// meanwhile, so that a command reading in several steps (the small kinds, then some organisations'
    /// activities) gives a picture of one moment.
    /// - Throws: ``StoreError`` when the database cannot answer or an entry cannot be read back; what
    ///   `body` throws, as it is.
    public func read<T>(_ body: (RegisterReading) throws -> T) throws -> T {
        try reading { db in try body(RegisterReading(db, explain: { self.explained($0, writing: false) }, printing: fragments?.printing)) }
    }
}
