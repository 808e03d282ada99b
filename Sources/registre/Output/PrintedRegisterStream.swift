import Foundation
import RegistreCore
import RegistreReports
import RegistreStore

/// The printed register written from the register of record piece by piece: the heading, then for each
/// organisation that controls activities its block and its activities, read one at a time through the
/// index, then the processors' records, then the agreements one at a time with their audits. Memory holds
/// the organisations (to name parties) and the audits, never the activities nor the agreements. The bytes
/// are those `RegisterTextReport` gives for the whole register.
enum PrintedRegisterStream {
    static func write(from database: RegisterStore, language: Language, progress: ProgressLine,
                      to sink: ([UInt8]) throws -> Void) throws {
        var organisations: [Organisation] = []
        var processorRecords: [ProcessorRecord] = []
        var audits: [EntityID: [AuditRequest]] = [:]
        var title: String?
        try database.stream(only: [.register, .organisation, .processorRecord, .audit]) { entry in
            switch entry {
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
            let count = try database.activityCount(controlledBy: organisation.id)
            guard count > 0 else { continue }
            pending += writer.controller(organisation, activityCount: count)
            try database.forEachActivity(controlledBy: organisation.id) { activity in
                pending += writer.activity(activity)
                progress.advance()
                try flush()
            }
        }
        pending += writer.processors(processorRecords)
        var headed = false
        try database.stream(only: [.agreement]) { entry in
            guard case .agreement(let agreement) = entry else { return }
            // The part's heading comes with its first agreement: a register without any prints none.
            if !headed { pending += writer.agreementsHead(count: 1); headed = true }
            pending += writer.agreement(agreement, audits: audits[agreement.id] ?? [])
            try flush()
        }
        if !pending.hasSuffix("\n") { pending += "\n" }
        try flush(true)
    }
}
