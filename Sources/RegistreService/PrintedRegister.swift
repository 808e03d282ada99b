import Foundation
import RegistreCore
import RegistreReports
import RegistreStore

/// The printed register written from the register of record piece by piece: the heading, then for each
/// organisation that controls activities its block and its activities, read one at a time through the
/// index, then the processors' records, then the agreements one at a time with their audits. Memory holds
/// the organisations (to name parties) and the audits, never the activities nor the agreements. The bytes
/// are those `RegisterTextReport` gives for the whole register.
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
        var output = Output(text: "")
        try parts(from: database, restrictedTo: controller, language: language, progress: progress) { part in
            output.text += part.text
            // Flushed after each activity and each agreement, as the register grows by them.
            switch part {
            case .activity, .agreement: try output.flush(to: sink)
            default: break
            }
        }
        if !output.text.hasSuffix("\n") { output.text += "\n" }
        try output.flush(to: sink, force: true)
    }

    /// The printed register as its parts, in order: the text of each is the text `write` gives for it.
    static func parts(from database: RegisterReading, restrictedTo controller: EntityID? = nil, language: Language,
                      progress: () -> Void, _ emit: (RegisterExports.PrintedPart) throws -> Void) throws {
        let restricted = try controller.map { try Restricted(to: $0, in: database) }
        let admitted = { (entry: RegisterEntry) -> RegisterEntry? in restricted.map { $0.restriction.admit(entry) } ?? entry }
        let parts = try HeldParts(database, admitting: admitted)
        let byID = Dictionary(parts.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let writer = RegisterTextWriter(language: language, organisation: { byID[$0] })
        try emit(.head(writer.head(title: parts.title)))
        for organisation in parts.organisations {
            let count = try restricted.map { $0.counts[organisation.id] ?? 0 } ?? database.activityCount(controlledBy: organisation.id)
            guard count > 0 else { continue }
            try emit(.controller(organisation, writer.controller(organisation, activityCount: count)))
            func print(_ activity: ProcessingActivity) throws {
                guard case .activity(let kept)? = admitted(.activity(activity)) else { return }
                try emit(.activity(id: kept.id, name: kept.name, writer.activity(kept)))
                progress()
            }
            if let restricted {
                try database.forEachActivity(recordedBy: restricted.restriction.organisation) { activity in
                    if activity.controller == organisation.id { try print(activity) }
                }
            } else {
                try database.forEachActivity(controlledBy: organisation.id, print)
            }
        }
        try emit(.processors(writer.processors(parts.processorRecords)))
        var headed = false
        try database.entries(only: [.agreement]) { entry in
            guard case .agreement(let agreement)? = admitted(entry) else { return }
            // The part's heading comes with its first agreement: a register without any prints none.
            let head = headed ? "" : writer.agreementsHead(count: 1)
            headed = true
            try emit(.agreement(id: agreement.id, name: agreement.title, head + writer.agreement(agreement, audits: parts.audits[agreement.id] ?? [])))
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

    /// The text written and not yet handed to the sink, handed over by chunks of 64 KiB.
    private struct Output {
        var text: String

        mutating func flush(to sink: ([UInt8]) throws -> Void, force: Bool = false) throws {
            guard force || text.utf8.count >= 1 << 16 else { return }
            try sink(Array(text.utf8))
            text = ""
        }
    }
}
