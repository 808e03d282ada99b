import Foundation
import RegistreCore
import RegistreReports
import RegistreStore

/// The printed register written from the register of record piece by piece: the heading, then for each
/// organisation that controls activities its block and its activities, read one at a time through the
/// index, then the processors' records, then the agreements one at a time with their audits. Memory holds
/// the organisations (to name parties) and the audits, never the activities nor the agreements. The bytes
/// are those `RegisterTextReport` gives for the whole register. An activity's section is copied as the
/// store keeps it (`RegisterReading.forEachPrinted`) when its parties still bear the names it printed, and
/// laid out from the activity otherwise: the same bytes, without reading a million activities' fields.
///
/// One organisation's register (`--controller`) is written the same way, each entry passed through the
/// ``RegisterRestriction`` that `Register.restricted(to:)` uses: its first pass reads the organisation's
/// own activities (through the index) and the entries of the small kinds, never the others' activities.
/// The bytes are those `RegisterTextReport` gives for the restricted register.
///
/// Every pass reads in one read transaction (`RegisterStore.read`), so the printed register is the
/// register of one moment even while others write.
enum PrintedRegister {
    static func write(from database: RegisterReading, restrictedTo controller: EntityID? = nil, language: Language,
                      progress: () -> Void, to sink: ([UInt8]) throws -> Void) throws {
        var output = Output()
        try walk(from: database, restrictedTo: controller, language: language, copyingKept: controller == nil, progress: progress) { piece in
            switch piece {
            case .part(let part):
                output.append(part.text)
                // Flushed after each activity and each agreement, as the register grows by them.
                switch part {
                case .activity, .agreement: try output.flush(to: sink)
                default: break
                }
            case .kept(let section):
                output.append(section)
                try output.flush(to: sink)
            }
        }
        if output.last != UInt8(ascii: "\n") { output.append("\n") }
        try output.flush(to: sink, force: true)
    }

    /// The printed register as its parts, in order: the text of each is the text `write` gives for it.
    static func parts(from database: RegisterReading, restrictedTo controller: EntityID? = nil, language: Language,
                      progress: () -> Void, _ emit: (RegisterExports.PrintedPart) throws -> Void) throws {
        try walk(from: database, restrictedTo: controller, language: language, copyingKept: false, progress: progress) { piece in
            if case .part(let part) = piece { try emit(part) }
        }
    }

    /// A piece of the printed register: a part made here, or an activity's section kept by the store.
    private enum Piece {
        case part(RegisterExports.PrintedPart)
        case kept([UInt8])
    }

    /// The printed register piece by piece. `copyingKept`: the activities' sections the store keeps are
    /// handed over as they are kept (the whole register's, which no restriction changes).
    private static func walk(from database: RegisterReading, restrictedTo controller: EntityID?, language: Language,
                             copyingKept: Bool, progress: () -> Void, _ emit: (Piece) throws -> Void) throws {
        let restricted = try controller.map { try Restricted(to: $0, in: database) }
        let admitted = { (entry: RegisterEntry) -> RegisterEntry? in restricted.map { $0.restriction.admit(entry) } ?? entry }
        let parts = try HeldParts(database, admitting: admitted)
        let byID = Dictionary(parts.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let writer = RegisterTextWriter(language: language, organisation: { byID[$0] })
        try emit(.part(.head(writer.head(title: parts.title))))
        for organisation in parts.organisations {
            let count = try restricted.map { $0.counts[organisation.id] ?? 0 } ?? database.activityCount(controlledBy: organisation.id)
            guard count > 0 else { continue }
            try emit(.part(.controller(organisation, writer.controller(organisation, activityCount: count))))
            func print(_ activity: ProcessingActivity) throws {
                guard case .activity(let kept)? = admitted(.activity(activity)) else { return }
                try emit(.part(.activity(id: kept.id, name: kept.name, writer.activity(kept))))
                progress()
            }
            if let restricted {
                try database.forEachActivity(recordedBy: restricted.restriction.organisation) { activity in
                    if activity.controller == organisation.id { try print(activity) }
                }
            } else if copyingKept {
                // As the writer names a party: its organisation's name, or its id.
                try database.forEachPrinted(controlledBy: organisation.id, language: language, name: { byID[$0]?.name ?? $0 }) { printed in
                    switch printed {
                    case .kept(let section):
                        try emit(.kept(section))
                        progress()
                    case .activity(let activity): try print(activity)
                    }
                }
            } else {
                try database.forEachActivity(controlledBy: organisation.id, print)
            }
        }
        try emit(.part(.processors(writer.processors(parts.processorRecords))))
        var headed = false
        try database.entries(only: [.agreement]) { entry in
            guard case .agreement(let agreement)? = admitted(entry) else { return }
            // The part's heading comes with its first agreement: a register without any prints none.
            let head = headed ? "" : writer.agreementsHead(count: 1)
            headed = true
            try emit(.part(.agreement(id: agreement.id, name: agreement.title, head + writer.agreement(agreement, audits: parts.audits[agreement.id] ?? []))))
        }
    }

    /// One organisation's register: the restriction, having observed what decides what it admits, and how
    /// many of the organisation's activities each controller has (its own, and those it controls jointly
    /// with another). The XML export of one organisation learns its restriction here too.
    struct Restricted {
        var restriction: RegisterRestriction
        var counts: [EntityID: Int] = [:]

        init(to organisation: EntityID, in database: RegisterReading) throws {
            restriction = RegisterRestriction(to: organisation)
            // Observing an activity the organisation does not record changes nothing: only its own are read.
            try database.forEachActivity(recordedBy: organisation) { activity in
                restriction.observe(.activity(activity))
                counts[activity.controller, default: 0] += 1
            }
            try database.entries(only: [.register, .organisation, .processorRecord, .agreement, .matrix, .audit]) {
                restriction.observe($0)
            }
        }
    }

    /// What the printing holds in memory: the title, the organisations (to name parties), the processors'
    /// records and the audits by agreement.
    private struct HeldParts {
        var title: String?
        var organisations: [Organisation] = []
        var processorRecords: [ProcessorRecord] = []
        var audits: [EntityID: [AuditRequest]] = [:]

        init(_ database: RegisterReading, admitting admitted: (RegisterEntry) -> RegisterEntry?) throws {
            try database.entries(only: [.register, .organisation, .processorRecord, .audit]) { entry in
                switch admitted(entry) {
                case .title(let value, _): title = value
                case .organisation(let organisation): organisations.append(organisation)
                case .processorRecord(let record): processorRecords.append(record)
                case .audit(let audit): audits[audit.agreement, default: []].append(audit)
                default: break
                }
            }
        }
    }

    /// The bytes written and not yet handed to the sink, handed over by chunks of 64 KiB.
    private struct Output {
        var bytes: [UInt8] = []
        /// The last byte written, flushed or not.
        private(set) var last: UInt8?

        mutating func append(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            if let byte = text.utf8.last { last = byte }
        }

        mutating func append(_ section: [UInt8]) {
            bytes.append(contentsOf: section)
            if let byte = section.last { last = byte }
        }

        mutating func flush(to sink: ([UInt8]) throws -> Void, force: Bool = false) throws {
            guard force || bytes.count >= 1 << 16 else { return }
            try sink(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }
}
