import Foundation
import GRDB
public import RegistreCore

/// One entry of the register as an export reads it: the XML kept beside its fields, or its value.
public enum ExportedEntry {
    /// The entry's XML as kept by the store's ``EntryFragmentRendering``, of its version: to copy as it is.
    case fragment([UInt8])
    /// The entry's value, read from its fields: for an entry kept without XML (written before fragments
    /// were kept, by a store opened without a rendering, under another version, or a breach), or of a
    /// kind asked for as values.
    case entry(RegisterEntry)
}

extension RegisterStore {
    /// The register as it stands, one entry at a time in the order of the format, each as the XML kept
    /// for it when there is one of the version of the store's ``fragments`` and as its value otherwise:
    /// an export copies the first and renders the second, and never rebuilds the values of a register
    /// whose XML is kept. Kind by kind through the index of positions, in memory that does not grow with
    /// the register.
    ///
    /// - Parameters:
    ///   - kinds: kinds always handed over as values, whatever is kept (the organisations, which a writer
    ///     needs for the time zones of the breaches after them).
    ///   - consume: called with each entry, in the order of the format.
    /// - Throws: ``StoreError/corrupt(_:)`` when an entry's fields cannot be read, another ``StoreError`` when the
    ///   database cannot answer; what `consume` throws, as it is.
    public func streamForExport(values kinds: Set<EntityKind> = [], _ consume: (ExportedEntry) throws -> Void) throws {
        try reading { db in
            let version = try StoreTables.keepsFragments(db) ? fragments?.version : nil
            for kind in EntityKind.allCases {
                guard let version, !kinds.contains(kind) else {
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT e.kind AS kind, e.id AS id, e.position AS position, f.name AS name, f.value AS value
                        FROM entity e LEFT JOIN field f ON f.kind = e.kind AND f.id = e.id
                        WHERE e.kind = ? ORDER BY e.position, e.id, f.name
                        """, arguments: [kind.rawValue])
                    try StoreTables.forEachEntity(rows) { key, state in
                        try consume(.entry(try RegisterSnapshot.entry(key, fields: state.fields)))
                    }
                    continue
                }
                // An entry with a fragment of this version is one row, its fields left out of the join:
                // reading them is most of what rebuilding a value costs. An empty fragment is no entry's
                // XML (an entry always writes an element): its fields are read instead.
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT e.id, CASE WHEN e.fragment_version = ?1 AND length(e.fragment) > 0 THEN e.fragment END, f.name, f.value
                    FROM entity e LEFT JOIN field f
                        ON f.kind = e.kind AND f.id = e.id
                        AND (e.fragment IS NULL OR e.fragment_version IS NOT ?1 OR length(e.fragment) = 0)
                    WHERE e.kind = ?2 ORDER BY e.position, e.id, f.name
                    """, arguments: [version, kind.rawValue])
                var pending: (id: String, fields: [String: String])?
                func flush() throws {
                    guard let entry = pending else { return }
                    pending = nil
                    try consume(.entry(try RegisterSnapshot.entry(EntityKey(kind, entry.id), fields: entry.fields)))
                }
                while let row = try rows.next() {
                    let id: String = row[0]
                    if pending?.id != id { try flush() }
                    if let fragment = try row.withUnsafeData(atIndex: 1, { $0.map { [UInt8]($0) } }) {
                        try consume(.fragment(fragment))
                        continue
                    }
                    if pending == nil { pending = (id, [:]) }
                    if let name: String = row[2] { pending?.fields[name] = row[3] as String }
                }
                try flush()
            }
        }
    }
}
