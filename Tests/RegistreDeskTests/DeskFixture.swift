import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML

/// A moment to start from: no test reads the wall clock. 2026-03-27T08:00:00Z, a Friday.
let friday = Date(timeIntervalSince1970: 1_774_598_400)

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Date
    init(_ moment: Date) { self.moment = moment }
    var now: Date { lock.withLock { moment } }
    func advance(_ seconds: TimeInterval) { lock.withLock { moment = moment.addingTimeInterval(seconds) } }
}

/// Two communes and the centre de gestion that serves one of them, each with an activity and a breach,
/// and one account per role: enough to show who sees what.
/// Sendable for the tests' closures: its store and desk are Sendable, its scratch folder is only removed at the end.
struct DeskFixture: @unchecked Sendable {
    static let password = "correct horse battery"

    static let mende = Organisation(
        id: "mende", name: "Commune de Mende", isPublicBody: true, address: "Hôtel de ville, 48000 Mende", country: "FR",
        email: "mairie@mende.fr", dpo: Contact(name: "DPO mutualisé", email: "dpo@cdg48.fr"))
    static let florac = Organisation(
        id: "florac", name: "Commune de Florac", isPublicBody: true, address: "Mairie, 48400 Florac", country: "FR",
        email: "mairie@florac.fr", dpo: Contact(name: "Délégué de Florac", email: "dpo@florac.fr"))
    static let cdg = Organisation(
        id: "cdg48", name: "Centre de gestion de la Lozère", isPublicBody: true, address: "Mende", country: "FR",
        email: "contact@cdg48.fr", dpo: Contact(name: "DPO du centre", email: "dpo@cdg48.fr"), members: ["mende"])

    static func activity(_ id: String, _ name: String, of controller: String) -> ProcessingActivity {
        ProcessingActivity(
            id: id, name: name, status: .active, controller: controller, purposes: ["Tenir les actes"],
            legalBases: [LegalBasis(.publicTask)], dataSubjects: [Category("Usagers")], dataCategories: [Category("Identité")],
            recipients: [Recipient("Agents", kind: .internal)],
            retention: [RetentionPeriod(rule: .criterion("Durée d'utilité administrative"))],
            securityMeasures: [SecurityMeasure(.accessControl, "Comptes nominatifs")])
    }

    /// A processor both communes use, and its host: given to no account (only an administrator reads them
    /// as such); their names are on each commune's agreement.
    static let provider = Organisation(id: "prestataire", name: "Prestataire informatique", country: "FR")
    static let host = Organisation(id: "hebergeur", name: "Hébergeur certifié", country: "FR")
    static let cloud = Organisation(id: "nuage", name: "Nuage souverain", country: "FR")

    /// Florac's agreement: general authorisation (15 days to object), 30 days' notice before an audit,
    /// and two clauses missing (Art. 28(3)(e) and (g)) so that their findings show.
    static func agreement(_ id: String, _ title: String, of controller: String) -> DataProcessingAgreement {
        DataProcessingAgreement(
            id: id, title: title, controllers: [controller], processor: provider.id, signed: CalendarDate(year: 2025, month: 1, day: 6),
            subjectMatter: "Hébergement des logiciels métier", nature: "Hébergement", purposes: ["Hébergement"], dataTypes: ["Identité"],
            dataSubjects: ["Usagers"],
            clauses: AgreementClause.Kind.allCases.filter { ![.dataSubjectRights, .endOfServices].contains($0) }
                .map { AgreementClause($0, reference: "Article \($0.rawValue)") },
            subProcessorAuthorisation: SubProcessorAuthorisation(.general, noticePeriod: DeadlinePeriod(30, .days), objectionPeriod: DeadlinePeriod(15, .days)),
            auditTerms: AuditTerms(noticePeriod: DeadlinePeriod(30, .days), processorInvitedToMeetings: true, reportsShared: true),
            subProcessors: [SubProcessor(organisation: host.id, engagedBy: provider.id, service: "Hébergement", countries: ["FR"], certifications: ["HDS"])],
            changeNotices: [SubProcessorChange(
                id: "\(id)-changement-1", kind: .addition, subProcessor: cloud.id, noticeDate: CalendarDate(year: 2026, month: 3, day: 20)!)])
    }

    static let register = Register(
        title: "Registre de test",
        organisations: [cdg, mende, florac, provider, host, cloud],
        activities: [
            activity("mende-etat-civil", "État civil de Mende", of: "mende"),
            activity("florac-cantine", "Cantine de Florac", of: "florac"),
            activity("cdg-paie", "Paie du centre", of: "cdg48"),
        ],
        processorRecords: [
            // Florac hosts Mende's web site: its record as a processor, with no category of processing yet.
            ProcessorRecord(id: "florac-pour-mende", processor: "florac", controller: "mende"),
        ],
        agreements: [
            agreement("accord-florac", "Accord d'hébergement de Florac", of: "florac"),
            agreement("accord-mende", "Accord d'hébergement de Mende", of: "mende"),
        ],
        audits: [
            AuditRequest(
                id: "audit-florac-1", agreement: "accord-florac", requester: "florac", auditee: provider.id,
                notified: CalendarDate(year: 2026, month: 1, day: 5)!, plannedStart: CalendarDate(year: 2026, month: 2, day: 16)!),
        ],
        breaches: [
            Breach(id: "breach-mende-1", title: "Courriel mal adressé à Mende", controller: "mende", aware: friday.addingTimeInterval(-10 * 3600), nature: [.confidentiality]),
            Breach(id: "breach-florac-1", title: "Clé USB perdue à Florac", controller: "florac", aware: friday.addingTimeInterval(-5 * 3600), nature: [.availability]),
        ],
        requests: [
            DataSubjectRequest(
                id: "request-mende-1", controller: "mende", person: "dossier-M-17",
                receipt: RequestReceipt(day: CalendarDate(year: 2026, month: 3, day: 20)!, channel: .letter), rights: [.access]),
            DataSubjectRequest(
                id: "request-florac-1", controller: "florac", person: "dossier-F-4",
                receipt: RequestReceipt(day: CalendarDate(year: 2026, month: 3, day: 2)!, channel: .email), rights: [.erasure]),
        ])

    /// Words that belong to each organisation's entries and appear nowhere else in the fixture.
    static let markers: [String: [String]] = [
        "mende": [
            "Commune de Mende", "mende-etat-civil", "État civil de Mende", "breach-mende-1", "Courriel mal adressé", "accord-mende",
            "hébergement de Mende", "request-mende-1", "dossier-M-17",
        ],
        "florac": [
            "Commune de Florac", "florac-cantine", "Cantine de Florac", "breach-florac-1", "Clé USB perdue", "accord-florac",
            "hébergement de Florac", "audit-florac-1", "florac-pour-mende", "request-florac-1", "dossier-F-4",
        ],
        "cdg48": ["Centre de gestion de la Lozère", "cdg-paie", "Paie du centre"],
    ]

    /// The accounts, and the organisations each one must see (and no other).
    static let accounts: [(account: String, role: AccountRole, given: [String], sees: Set<String>)] = [
        ("admin", .admin, [], ["mende", "florac", "cdg48"]),
        ("dpo-mende", .dpo, ["mende"], ["mende"]),
        ("reader-mende", .reader, ["mende"], ["mende"]),
        ("dpo-cdg", .dpo, ["cdg48"], ["cdg48", "mende"]),
        ("reader-cdg", .reader, ["cdg48"], ["cdg48"]),
    ]

    let scratch: ScratchDirectory
    let store: RegisterStore
    let clock: TestClock
    let desk: Desk

    init(idleTimeout: TimeInterval = 30 * 60) throws {
        scratch = try ScratchDirectory()
        let clock = TestClock(friday)
        self.clock = clock
        // The store `registre serve` runs on (the XML reader's checks, the kept XML), with the test's clock.
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: JournalClock { clock.now })
        _ = try store.replace(with: Self.register, actor: "setup")
        // bcrypt's lowest cost: the tests sign in many times, and the cost is not what they test.
        let hash = Passwords.hash(Self.password, cost: 4)
        for entry in Self.accounts {
            try store.accounts.add(
                Account(login: entry.account, role: entry.role, organisations: entry.given, passwordHash: hash), actor: "setup",
                at: friday.addingTimeInterval(-86_400))
        }
        desk = Desk(store: store, clock: DeskClock { clock.now }, idleTimeout: idleTimeout)
    }

    /// Runs `test` against the desk in process.
    func run(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let application = Application(router: desk.router())
        try await application.test(.router, test)
    }

    var journalCount: Int { (try? store.journal.entries().count) ?? -1 }
}

/// A browser in miniature: keeps the cookies the desk sets and sends them back, and reads the CSRF token
/// of the page it last saw.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private let lock = NSLock()
    private var cookies: [String: String] = [:]
    private(set) var lastPage = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    var csrf: String? {
        lock.withLock {
            guard let range = lastPage.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(lastPage[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The version of the entry the last page showed (its forms' hidden `version` input), as a browser
    /// would send it back.
    var version: String? {
        lock.withLock {
            guard let range = lastPage.range(of: "name=\"version\" value=\"") else { return nil }
            return String(lastPage[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func cookie(_ name: String) -> String? { lock.withLock { cookies[name] } }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        try await send(path, method: .get, body: nil)
    }

    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        let token = csrf ?? self.csrf ?? ""
        // The hidden inputs a browser sends with the form: the session's token and the version shown.
        let shown = fields.contains { $0.0 == "version" } ? [] : version.map { [("version", $0)] } ?? []
        let pairs = [("csrf", token)] + shown + fields
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, body: body)
    }

    /// Signs in with the fixture's password and lands on the dashboard.
    @discardableResult
    func signIn(_ login: String, password: String = DeskFixture.password) async throws -> TestResponse {
        try await get("/sign-in")
        let response = try await post("/sign-in", [("login", login), ("password", password)])
        if response.status == .seeOther { try await get("/") }
        return response
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        let jar = lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !jar.isEmpty { headers[.cookie] = jar }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        lock.withLock {
            for line in response.headers[values: .setCookie] {
                let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { continue }
                let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
                if value.isEmpty || parts.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
            }
            let text = String(buffer: response.body)
            if response.headers[.contentType]?.hasPrefix("text/html") == true { lastPage = text }
        }
        return response
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
