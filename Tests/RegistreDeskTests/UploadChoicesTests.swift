import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// The upload's "keep the example sheet" box (`import --keep-example`), and a dpo's file that names an
/// organisation the register does not hold, refused in words.
@Suite("Desk: the upload's example-sheet box, and a new organisation refused in words")
struct UploadChoicesTests {
    static let spreadsheet = Repository.path("Tests/RegistreDocumentsTests/Fixtures/cnil-commune.ods")

    /// The upload form sent as a browser sends it, with `fields` beside the file.
    static func upload(_ browser: Browser, _ bytes: [UInt8], filename: String, fields: [(String, String)]) async throws -> TestResponse {
        try await UploadTests.upload(browser, bytes, filename: filename, csrf: browser.csrf, fields: fields)
    }

    @Test("the box reads the CNIL model's example sheet as an activity, as --keep-example; without it, it is left out with a note")
    func keepExample() async throws {
        let fixture = try DeskFixture()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Self.spreadsheet)))
        let without = Set(try RegisterFiles.read(file: Self.spreadsheet).register.activities.map(\.id))
        let example = try RegisterFiles.read(file: Self.spreadsheet, keepExample: true).register.activities.map(\.id).filter { !without.contains($0) }
        #expect(!example.isEmpty)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let form = try await browser.get("/upload")
            #expect(form.text.contains("name=\"keepExample\""))
            let plain = try await Self.upload(browser, bytes, filename: "cnil-commune.ods", fields: [])
            #expect(plain.status == .ok)
            try await browser.get("/upload")
            let kept = try await Self.upload(browser, bytes, filename: "cnil-commune.ods", fields: [("keepExample", "on")])
            #expect(kept.status == .ok)
            for id in example {
                #expect(!plain.text.contains("<code>\(id)</code>"), "quiet: the example is left out by default")
                #expect(kept.text.contains("<code>\(id)</code>"), "firing: the box keeps it")
            }
            let token = try #require(UploadTests.token(kept.text))
            #expect(try await browser.post("/upload/\(token)", []).status == .ok)
        }
        #expect(try fixture.store.register().activities.contains { example.contains($0.id) }, "the confirmation imports what the preview showed")
    }

    @Test("a dpo's file naming an organisation the register lacks: refused with its name, its id, and who adds one")
    func newOrganisation() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        // Mende under another name, as a spreadsheet names it: a new id.
        let elsewhere = Organisation(id: "mairie-de-mende", name: "Commune de Mende", country: "FR")
        let file = try RegisterWriter.bytes(of: Register(
            title: DeskFixture.register.title, organisations: [elsewhere],
            activities: [DeskFixture.activity("cantine-importee", "Cantine importée", of: elsewhere.id)]))
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/upload")
            let refused = try await Self.upload(browser, file, filename: "mende.xml", fields: [])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("nomme des organisations que le registre ne connaît pas : « Commune de Mende » (identifiant « mairie-de-mende »)"))
            #expect(refused.text.contains("que le registre tient sous l&#39;identifiant « mende »"))
            #expect(refused.text.contains("Seul un administrateur ajoute une organisation"))
            #expect(!refused.text.contains("cantine-importee"), "its activities follow from it, not listed again")
            // Quiet: the same file is an administrator's to import.
            let admin = Browser(client)
            try await admin.signIn("admin")
            try await admin.get("/upload")
            #expect(try await Self.upload(admin, file, filename: "mende.xml", fields: []).status == .ok)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("one file waits per account: a second upload replaces the first, whose confirmation is then gone")
    func onePending() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/upload")
            let first = try #require(UploadTests.token(try await Self.upload(browser, try UploadTests.file(), filename: "a.xml", fields: []).text))
            try await browser.get("/upload")
            let second = try #require(UploadTests.token(try await Self.upload(browser, try UploadTests.file(), filename: "b.xml", fields: []).text))
            #expect(try await browser.post("/upload/\(first)", []).status == .notFound)
            #expect(try await browser.post("/upload/\(second)", []).status == .ok)
        }
    }
}
