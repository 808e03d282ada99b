import Foundation
import GRDB
import RegistreCore

/// The activities' printed sections as `verify` checks them (``JournalVerification``): those an export
/// would copy (of the store's version, every party bearing the name it was printed with) must be the
/// sections printed again from the activity's fields. A section that no longer matches (written by hand,
/// with SQL) would print content the journal never recorded while the chain verifies. A section export
/// would not copy (another version, a party renamed since) is not checked: it is never printed.
struct PrintedSections {
    private let printing: ActivityPrinting?
    /// For each language, the statement reading an activity's section.
    private let statements: [(Language, Statement)]
    /// The organisations' names, as the printed register names parties.
    private let names: [EntityID: String]

    /// A kept section: its language, and its text.
    typealias Section = (language: Language, text: [UInt8])

    init(_ db: Database, printing: ActivityPrinting?) throws {
        guard let printing, try StoreTables.keepsPrintedText(db) else {
            self.printing = nil
            statements = []
            names = [:]
            return
        }
        self.printing = printing
        statements = try Language.allCases.map { language in
            (language, try db.makeStatement(sql: "SELECT parties, text FROM \(StoreTables.printedTable(language)) WHERE kind = 'activity' AND id = ? AND version = ?"))
        }
        var names: [EntityID: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, value FROM field WHERE kind = 'organisation' AND name = 'name'")
        let decoder = JSONDecoder()
        while let row = try rows.next() {
            // A name that cannot be read makes the organisation unreadable, which the tables' pass reports.
            names[row[0]] = try? decoder.decode(String.self, from: Data((row[1] as String).utf8))
        }
        self.names = names
    }

    private func name(_ id: EntityID) -> String { names[id] ?? id }

    /// The sections kept for the activity `id` that an export would copy.
    func sections(of id: EntityID) throws -> [Section] {
        guard let printing else { return [] }
        var sections: [Section] = []
        for (language, statement) in statements {
            guard let row = try Row.fetchOne(statement, arguments: [id, printing.version]) else { continue }
            let copied = try row.withUnsafeData(atIndex: 0) { parties in
                parties.map { $0.withUnsafeBytes { PrintedParties.match($0, name) } } ?? false
            }
            guard copied else { continue }
            sections.append((language, try row.withUnsafeData(atIndex: 1) { $0.map { [UInt8]($0) } } ?? []))
        }
        return sections
    }

    /// The languages whose section, among `sections`, is not the one printed from `activity`.
    func mismatches(_ sections: [Section], of activity: ProcessingActivity) -> [Language] {
        guard let printing else { return [] }
        return sections.compactMap { section in printing.section(activity, section.language, name) == section.text ? nil : section.language }
    }
}
