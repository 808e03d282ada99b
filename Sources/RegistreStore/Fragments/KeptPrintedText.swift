import Foundation
import GRDB
import RegistreCore

/// An activity's sections of the printed register, one per language, kept beside its fields (tables
/// `printed_fr`, `printed_en`) with the version of their layout and the names of the parties they print: derived data,
/// written in the transaction that writes the activity, never journaled, checked by `verify`.
struct KeptPrintedText: Sendable {
    var version: Int
    /// The parties the sections name, with the names they were printed with (``PrintedParties``).
    var parties: [UInt8]
    var sections: [(language: Language, text: [UInt8])]

    /// The sections `printing` makes for `activity`, naming its parties as they stand in the transaction;
    /// nil when the layout asks for a party that is not one of the activity's own (it is then printed
    /// from the fields, never kept with a name nobody can check).
    init?(of activity: ProcessingActivity, by printing: ActivityPrinting, names: OrganisationNames) throws {
        var resolved: [EntityID: String] = [:]
        for id in activity.jointControllers.map(\.organisation) + activity.processors.map(\.processor) where resolved[id] == nil {
            resolved[id] = try names.name(of: id)
        }
        var used: [(id: EntityID, name: String)] = []
        var unresolved = false
        let name = { (id: EntityID) -> String in
            guard let name = resolved[id] else {
                unresolved = true
                return id
            }
            if !used.contains(where: { $0.id == id }) { used.append((id, name)) }
            return name
        }
        sections = Language.allCases.map { ($0, printing.section(activity, $0, name)) }
        guard !unresolved else { return nil }
        version = printing.version
        parties = PrintedParties.encode(used)
    }
}

/// The parties a kept section names, with the names it printed for them: each id then its name, each
/// as its length in four bytes (little-endian) and its UTF-8 bytes. Export copies a kept section only
/// while every one of its parties still bears the name it was printed with.
enum PrintedParties {
    static func encode(_ parties: [(id: EntityID, name: String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (id, name) in parties {
            append(id, to: &bytes)
            append(name, to: &bytes)
        }
        return bytes
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        let count = UInt32(text.utf8.count)
        bytes += [UInt8(truncatingIfNeeded: count), UInt8(truncatingIfNeeded: count >> 8),
                  UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 24)]
        bytes += text.utf8
    }

    /// Whether every party `bytes` lists bears, by `name`, the name it lists; false for bytes that do not
    /// read as such a list (written by hand).
    static func match(_ bytes: UnsafeRawBufferPointer, _ name: (EntityID) -> String) -> Bool {
        var offset = 0
        func next() -> UnsafeRawBufferPointer? {
            guard bytes.count - offset >= 4 else { return nil }
            let count = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
            offset += 4
            guard bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        }
        while offset < bytes.count {
            guard let id = next(), let printed = next() else { return false }
            let current = name(String(decoding: id, as: UTF8.self))
            let same = current.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(printed) } ?? current.utf8.elementsEqual(printed)
            guard same else { return false }
        }
        return true
    }
}

/// The names of organisations as they stand in one write transaction, each read once (an import names the
/// same few processors a hundred thousand times). An organisation written in the transaction is
/// forgotten, to be read again.
final class OrganisationNames {
    private let db: Database
    private var names: [EntityID: String] = [:]

    init(_ db: Database) {
        self.db = db
    }

    /// The organisation's name, or its id when the register holds no such organisation (as the printed
    /// register names it).
    func name(of id: EntityID) throws -> String {
        if let name = names[id] { return name }
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT value FROM field WHERE kind = 'organisation' AND id = ? AND name = 'name'"), arguments: [id])
        let name = try stored.map { try JSONDecoder().decode(String.self, from: Data($0.utf8)) } ?? id
        names[id] = name
        return name
    }

    /// Called when the organisation is written: its name is read again when next asked for.
    func forget(_ id: EntityID) {
        names[id] = nil
    }
}
