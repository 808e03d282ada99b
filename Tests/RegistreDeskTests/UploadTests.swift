import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Desk: a register uploaded, previewed as a dry run of the CLI's import, then imported once confirmed")
struct UploadTests {
    static let boundary = "----registre-test-boundary"

    /// Sends `bytes` as the upload form's file, as a browser sends a `multipart/form-data` form.
    /// `fields` go beside the file (the "keep the example sheet" box).
    static func upload(
        _ browser: Browser, _ bytes: [UInt8], filename: String, csrf: String?, fields: [(String, String)] = []
    ) async throws -> TestResponse {
        var body: [UInt8] = []
        func add(_ text: String) { body += Array(text.utf8) }
        for (name, value) in [("csrf", csrf ?? ""), ("origin", "registre")] + fields {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body += bytes
        add("\r\n--\(boundary)--\r\n")
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        headers[.cookie] = "\(Desk.sessionCookie)=\(browser.cookie(Desk.sessionCookie) ?? "")"
        return try await browser.client.execute(uri: "/upload", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// The token of the preview's confirmation form.
    static func token(_ page: String) -> String? {
        guard let range = page.range(of: "action=\"/upload/") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A register file holding Mende (as recorded) and a new activity of Mende, or of `controller`.
    static func file(activity controller: Organisation = DeskFixture.mende) throws -> [UInt8] {
        try RegisterWriter.bytes(of: Register(
            title: DeskFixture.register.title, organisations: [controller],
            activities: [DeskFixture.activity("cantine-\(controller.id)", "Cantine importée", of: controller.id)]))
    }

    @Test("a dpo's file is previewed (what would be added), nothing written; confirmed, it is imported in one transaction")
    func previewThenImport() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let form = try await browser.get("/upload")
            #expect(form.status == .ok)
            let csrf = try #require(browser.csrf)
            let preview = try await Self.upload(browser, try Self.file(), filename: "registre-mende.xml", csrf: csrf)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("activité de traitement <code>cantine-mende</code>"))
            #expect(preview.text.contains("organisation <code>mende</code>"), "what the import changes, as `registre import --dry-run` counts it")
            #expect(fixture.journalCount == before, "a preview writes nothing")
            let token = try #require(Self.token(preview.text))
            let done = try await browser.post("/upload/\(token)", [], csrf: csrf)
            #expect(done.status == .ok)
            #expect(done.text.contains("Importé"))
            // The same token again: the file is gone once imported.
            #expect(try await browser.post("/upload/\(token)", [], csrf: csrf).status == .notFound)
        }
        #expect(try fixture.store.register().activities.contains { $0.id == "cantine-mende" })
        // The activity added, and Mende moved to the file's first place (`@position`), as `registre import` does.
        let written = try fixture.store.journal.entries().suffix(2).map { "\($0.entity) \($0.change)" }
        #expect(written == ["organisation:mende updated", "activity:cantine-mende created"])
        #expect(try fixture.store.journal.entries(entity: "cantine-mende").last?.actor == "dpo-mende")
    }

    @Test("a confirmation after the register moved is refused (409), nothing imported")
    func stale() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/upload")
            let csrf = try #require(browser.csrf)
            let preview = try await Self.upload(browser, try Self.file(), filename: "registre.xml", csrf: csrf)
            let token = try #require(Self.token(preview.text))
            _ = try fixture.store.change(actor: "cli") { edit in
                var breach = try edit.breach("breach-florac-1")
                breach.title = "Clé USB perdue à Florac (retrouvée)"
                try edit.save(.breach(breach))
            }
            let refused = try await browser.post("/upload/\(token)", [], csrf: csrf)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("id=\"stale-error\""))
        }
        #expect(!(try fixture.store.register().activities.contains { $0.id == "cantine-mende" }))
    }

    @Test("refused, nothing written: another organisation's entries, a file that cannot be read, no CSRF token; a reader has no upload")
    func refusals() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/upload")
            let csrf = try #require(browser.csrf)
            let florac = try await Self.upload(browser, try Self.file(activity: DeskFixture.florac), filename: "florac.xml", csrf: csrf)
            #expect(florac.status == .unprocessableContent)
            #expect(florac.text.contains("l&#39;activité de traitement « cantine-florac »") || florac.text.contains("activité de traitement « cantine-florac »"))
            var retitled = DeskFixture.register
            retitled.title = "Un autre registre"
            retitled.activities = []
            retitled.organisations = [DeskFixture.mende]
            (retitled.processorRecords, retitled.agreements, retitled.audits, retitled.breaches) = ([], [], [], [])
            let title = try await Self.upload(browser, try RegisterWriter.bytes(of: retitled), filename: "titre.xml", csrf: csrf)
            #expect(title.status == .unprocessableContent, "the register's title is an administrator's to change")
            let broken = try await Self.upload(browser, Array("<registre><pas-fini".utf8), filename: "casse.xml", csrf: csrf)
            #expect(broken.status == .unprocessableContent)
            #expect(broken.text.contains("casse.xml"), "located in the file the person sent")
            #expect(try await Self.upload(browser, try Self.file(), filename: "r.xml", csrf: nil).status == .forbidden)
            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            #expect(try await reader.get("/upload").status == .notFound)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("an administrator imports a spreadsheet in the CNIL's model: the preview lists its entries and the reader's notes")
    func cnilSpreadsheet() async throws {
        let fixture = try DeskFixture()
        let spreadsheet = try Array(Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/RegistreDocumentsTests/Fixtures/cnil-commune.ods"))))
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            try await browser.get("/upload")
            let csrf = try #require(browser.csrf)
            let preview = try await Self.upload(browser, spreadsheet, filename: "cnil-commune.ods", csrf: csrf)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("activité de traitement <code>"))
            #expect(preview.text.contains("<li>cnil-commune.ods:"), "the reader's notes, located in the file sent")
            let token = try #require(Self.token(preview.text))
            #expect(try await browser.post("/upload/\(token)", [], csrf: csrf).status == .ok)
        }
        #expect(try fixture.store.register().activities.count > DeskFixture.register.activities.count)
    }

    @Test("a multipart body that is not one is refused, never a trap", arguments: [
        "", "--b", "--b\r\n", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx",
    ])
    func malformed(body: String) {
        #expect(FormBodyFuzzing.multipartParts(Array("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--b--".utf8), boundary: "b") == 1)
        #expect(FormBodyFuzzing.multipartParts(Array(body.utf8), boundary: "b") == nil)
    }

    @Test("a valid upload body cut, flipped or spliced anywhere reads as parts or as a refusal, never a trap (10,000 seeded mutations)")
    func mutations() {
        let boundary = "b0undary"
        var body: [UInt8] = []
        func add(_ text: String) { body += Array(text.utf8) }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n0123\r\n")
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"origin\"\r\n\r\nmadis\r\n")
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.ods\"\r\n\r\nPK\u{03}\u{04}\r\n--\r\n")
        add("\r\n--\(boundary)--\r\n")
        #expect(FormBodyFuzzing.multipartParts(body, boundary: boundary) == 3)
        var random = SeededRandom(seed: 24)
        var parsed = 0
        for _ in 0..<10_000 {
            var mutated = body
            switch Int.random(in: 0..<4, using: &random) {
            case 0: mutated = Array(mutated.prefix(Int.random(in: 0...mutated.count, using: &random)))
            case 1: mutated[Int.random(in: 0..<mutated.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 2: mutated.remove(at: Int.random(in: 0..<mutated.count, using: &random))
            default:
                let from = Int.random(in: 0..<mutated.count, using: &random)
                mutated.insert(contentsOf: mutated[from..<min(mutated.count, from + 16)], at: Int.random(in: 0...mutated.count, using: &random))
            }
            if FormBodyFuzzing.multipartParts(mutated, boundary: boundary) != nil { parsed += 1 }
        }
        // Some mutations leave a body that still reads (a changed byte inside a value), most do not.
        #expect(parsed > 0 && parsed < 10_000)
    }
}
