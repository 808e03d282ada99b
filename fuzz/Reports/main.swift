// libFuzzer target: any strings and dates reaching the CLI's value parsing (instants, days, durations) or
// a text report (register, breach report and register, deadlines, matrix, sub-processors, audit notice,
// findings, history) must end in a value, a refusal or a report — never in a trap, a hang or a leak — and
// no report may carry a raw control character from a value. Built and run by `fuzz/run reports`.
// Every `swift build` compiles it too, which keeps it up with the library.
import CLibFuzzer
import Foundation
import RegistreCore
import RegistreReports

/// The fuzzer's bytes as a sequence of values: strings separated by NUL bytes, dates from four bytes.
struct FuzzInput {
    var fields: [ArraySlice<UInt8>]
    var next = 0

    init(_ bytes: [UInt8]) {
        fields = bytes.split(separator: 0, omittingEmptySubsequences: false)
    }

    mutating func bytes() -> ArraySlice<UInt8> {
        defer { next += 1 }
        return fields.isEmpty ? [] : fields[next % fields.count]
    }

    mutating func string() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// A moment within some 17,000 years of 1970: past the years registre accepts on both sides.
    mutating func date() -> Date {
        let raw = bytes().prefix(4).reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        return Date(timeIntervalSince1970: TimeInterval(raw) * 256)
    }

    mutating func count() -> Int { bytes().reduce(0) { ($0 &* 31) &+ Int($1) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func registreFuzzReports(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(Array(UnsafeBufferPointer(start: data, count: size)))
    let paris = Instant.defaultTimeZone

    // What the CLI's options go through: --now, --as-of, --aware…, --start, --within.
    let typed = input.string()
    let startOfDay = Instant.parse(typed, timeZone: paris, day: .startOfDay)
    _ = Instant.parse(typed, timeZone: paris, day: .endOfDay)
    let day = CalendarDate(iso: input.string())
    let period = DeadlinePeriod(shorthand: input.string())
    let now = startOfDay ?? input.date()
    let aware = input.date()
    let today = day ?? CalendarDate(dayNumber: input.count() % 4_000_000 - 800_000)

    let zone = input.string()
    let controller = Organisation(
        id: "c", name: input.string(), address: input.string(), timeZone: zone.isEmpty ? nil : zone,
        dpo: Contact(name: input.string(), email: input.string()))
    let processor = Organisation(id: "p", name: input.string())
    let activity = ProcessingActivity(
        id: "a", name: input.string(), created: today, controller: "c", purposes: [input.string()],
        dataSubjects: [Category(input.string())], securityMeasures: [SecurityMeasure(.encryption, input.string())])
    let agreement = DataProcessingAgreement(
        id: "dpa", title: input.string(), controllers: ["c"], processor: "p", term: today,
        subProcessorAuthorisation: SubProcessorAuthorisation(.general, noticePeriod: period, objectionPeriod: period),
        auditTerms: AuditTerms(noticePeriod: period),
        subProcessors: [SubProcessor(organisation: "c", engagedBy: "p", service: input.string())],
        changeNotices: [SubProcessorChange(id: "n", kind: .addition, subProcessor: "c", noticeDate: today)],
        obligations: [DatedObligation(
            id: "o", description: input.string(), period: period ?? DeadlinePeriod(3, .months), direction: .before,
            event: input.string(), eventDate: today)])
    let matrix = ResponsibilityMatrix(
        id: "m", title: input.string(), agreement: "dpa", parties: [.init("p", role: .processor), .init("c", role: .controller)],
        rows: [.init(domain: .breaches, label: input.string(), cells: [.init(party: "p", obligations: [input.string(), input.string()])])])
    let audit = AuditRequest(
        id: "audit", agreement: "dpa", requester: "c", auditee: "p", scope: input.string(), notified: today, plannedStart: today)
    let breach = Breach(
        id: "b", title: input.string(), controller: "c", aware: aware, nature: [.confidentiality], description: input.string(),
        subjects: try? Count(from: input.count() % 1000 - 10, to: input.count() % 100_000), measures: [input.string()],
        notifications: [AuthorityNotification(kind: .initial, at: input.date(), reference: input.string())],
        delayReasons: input.string(), processorIncident: input.string())
    let register = Register(
        title: input.string(), organisations: [controller, processor], activities: [activity], agreements: [agreement],
        matrices: [matrix], audits: [audit], breaches: [breach])
    let entry = JournalEntry(
        sequence: 1, recordedAt: input.date(), actor: input.string(), entity: EntityKey(.breach, "b"), change: .updated,
        fields: [FieldChange(name: "title", before: input.string(), after: input.string())],
        previousHash: JournalEntry.genesis, hash: JournalEntry.genesis)

    for language in Language.allCases {
        var reports = [
            RegisterTextReport.render(register, language: language),
            BreachReport.render(breach, in: register, now: now, language: language),
            BreachRegisterReport.render(register, now: now, language: language),
            MatrixTextReport.render(matrix, in: register, language: language),
            SubProcessorChainReport.render(agreement, in: register, language: language),
            AuditNoticeReport.render(audit, in: register, language: language),
            HistoryTextReport.render([entry], source: input.string(), language: language),
            FindingsTextReport.render(RegisterCheck.findings(in: register), source: "fuzz", language: language),
        ]
        let deadlines = DeadlineSchedule.deadlines(in: register, now: now, within: period)
        reports.append(DeadlinesTextReport.render(deadlines, now: now, source: "fuzz", language: language))
        for report in reports where report.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }) {
            fatalError("a raw control character reached a report:\n\(report.debugDescription.prefix(4000))")
        }
    }
    return 0
}

// libFuzzer's driver when the target is built for fuzzing (fuzz/run); a note and exit status 64 otherwise.
var argumentCount = CommandLine.argc
var arguments = Optional(CommandLine.unsafeArgv)
let status = registre_fuzz(&argumentCount, &arguments, registreFuzzReports)
if status == -1 {
    print("Built without REGISTRE_FUZZ: run fuzz/run, which builds this target for libFuzzer.")
    exit(64)
}
exit(status)
