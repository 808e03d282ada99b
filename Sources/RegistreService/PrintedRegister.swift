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
        var restriction = controller.map(RegisterRestriction.init(to:))
        // With a restriction: how many of the organisation's activities each controller has (its own, and
        // those it controls jointly with another).
        var restrictedCounts: [EntityID: Int] = [:]
        if var first = restriction {
            // Observing an activity the organisation does not record changes nothing: only its own are read.
            try database.forEachActivity(recordedBy: first.organisation) { activity in
                first.observe(.activity(activity))
                restrictedCounts[activity.controller, default: 0] += 1
            }
            try database.entries(only: [.register, .organisation, .processorRecord, .agreement, .matrix, .audit]) { first.observe($0) }
            restriction = first
        }
        func admitted(_ entry: RegisterEntry) -> RegisterEntry? { restriction.map { $0.admit(entry) } ?? entry }

        var organisations: [Organisation] = []
        var processorRecords: [ProcessorRecord] = []
        var audits: [EntityID: [AuditRequest]] = [:]
        var title: String?
        try database.entries(only: [.register, .organisation, .processorRecord, .audit]) { entry in
            switch admitted(entry) {
            case .title(let value): title = value
            case .organisation(let organisation): organisations.append(organisation)
            case .processorRecord(let record): processorRecords.append(record)
            case .audit(let audit): audits[audit.agreement, default: []].append(audit)
            default: break
            }
        }
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let writer = RegisterTextWriter(language: language, organisation: { byID[$0] })
        var pending = writer.head(title: title)
        func flush(_ force: Bool = false) throws {
            guard force || pending.utf8.count >= 1 << 16 else { return }
            try sink(Array(pending.utf8))
            pending = ""
        }
        for organisation in organisations {
            let count = try restriction == nil ? database.activityCount(controlledBy: organisation.id) : restrictedCounts[organisation.id] ?? 0
            guard count > 0 else { continue }
            pending += writer.controller(organisation, activityCount: count)
            func print(_ activity: ProcessingActivity) throws {
                guard case .activity(let kept)? = admitted(.activity(activity)) else { return }
                pending += writer.activity(kept)
                progress()
                try flush()
            }
            if let restriction {
                try database.forEachActivity(recordedBy: restriction.organisation) { activity in
                    if activity.controller == organisation.id { try print(activity) }
                }
            } else {
                try database.forEachActivity(controlledBy: organisation.id, print)
            }
        }
        pending += writer.processors(processorRecords)
        var headed = false
        try database.entries(only: [.agreement]) { entry in
            guard case .agreement(let agreement)? = admitted(entry) else { return }
            // The part's heading comes with its first agreement: a register without any prints none.
            if !headed { pending += writer.agreementsHead(count: 1); headed = true }
            pending += writer.agreement(agreement, audits: audits[agreement.id] ?? [])
            try flush()
        }
        if !pending.hasSuffix("\n") { pending += "\n" }
        try flush(true)
    }
}
