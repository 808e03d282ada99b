import Foundation
import GRDB
public import RegistreCore

/// One activity as the printed register reads it: the section kept for it, or its value.
public enum PrintedActivity {
    /// The activity's section as kept by the store's ``ActivityPrinting``, of its version, every party
    /// bearing the name it was printed with: to copy as it is.
    case kept([UInt8])
    /// The activity's value, read from its fields: for an activity kept without its section (written
    /// before sections were kept, by a store opened without a printing, under another version), or whose
    /// party has been renamed since.
    case activity(ProcessingActivity)
}

extension RegisterReading {
    /// The activities an organisation controls, in the register's order, as
    /// ``forEachActivity(controlledBy:_:)`` gives them, each as its section kept in `language` when it can
    /// be copied, else as its value: a printed register whose sections are kept never reads an activity's
    /// fields. The sections and the ids come in one statement through the index on activities'
    /// controllers.
    /// - Parameters:
    ///   - organisation: the controller.
    ///   - language: the language of the printed register.
    ///   - name: the name the printed register gives an organisation's id (its name, or the id when the
    ///     register holds no such organisation): a section is copied only if each party it names bears it.
    ///   - body: called with each activity.
    /// - Throws: ``StoreError/corrupt(_:)`` for an activity that cannot be read; what `body` throws, as it is.
    public func forEachPrinted(
        controlledBy organisation: EntityID, language: Language, name: (EntityID) -> String, _ body: (PrintedActivity) throws -> Void
    ) throws {
        guard let printing, try StoreTables.keepsPrintedText(db) else {
            return try forEachActivity(controlledBy: organisation) { try body(.activity($0)) }
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.id, p.parties, p.text FROM field f JOIN entity e ON e.kind = 'activity' AND e.id = f.id
            LEFT JOIN \(StoreTables.printedTable(language)) p ON p.kind = 'activity' AND p.id = e.id AND p.version = ?2
            WHERE f.kind = 'activity' AND f.name = 'controller' AND f.value = json_quote(?1)
            ORDER BY e.position, e.id
            """, arguments: [organisation, printing.version])
        while let row = try rows.next() {
            let copied = try row.withUnsafeData(atIndex: 1) { parties -> Bool in
                guard let parties else { return false }
                return parties.withUnsafeBytes { PrintedParties.match($0, name) }
            }
            if copied, let text = try row.withUnsafeData(atIndex: 2, { $0.map { [UInt8]($0) } }) {
                try body(.kept(text))
            } else {
                try body(.activity(try activity(row[0])))
            }
        }
    }
}
