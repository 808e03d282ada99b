import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreService
import RegistreXML
import Testing

/// The documents of the requests on the desk (issue 27): a request's letters from its page, the register of
/// requests from the list; the same functions as `registre request document|register`. Who gets what: the
/// dpo and admin of the request's controller its letters, nobody else (404, nothing shown); the register
/// holds only the requests the account reads; a reader gets nothing.
@Suite("Desk: the documents of the requests")
struct RequestDocumentDeskTests {
    static let letters = ["acknowledgement.odt", "acknowledgement.txt", "answer.odt", "answer.txt"]

    @Test("the request's page links its letters; the dpo of its commune downloads them, ODT and text")
    func downloads() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/requests/request-mende-1")
            for file in Self.letters { #expect(page.text.contains("href=\"/requests/request-mende-1/letter/\(file)\""), "\(file)") }
            let odt = try await browser.get("/requests/request-mende-1/letter/answer.odt")
            #expect(odt.status == .ok)
            #expect(odt.headers[.contentType] == "application/vnd.oasis.opendocument.text")
            #expect(odt.headers[.contentDisposition] == "attachment; filename=\"reponse-request-mende-1.odt\"")
            #expect(Array(odt.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            let text = try await browser.get("/requests/request-mende-1/letter/acknowledgement.txt")
            #expect(text.status == .ok)
            #expect(text.text.contains("dossier-M-17"))
            #expect(text.text.contains("Commune de Mende"))
            let list = try await browser.get("/requests")
            #expect(list.text.contains("href=\"/download/requests/register.ods\""))
        }
    }

    @Test("another commune's dpo, a structure's dpo that does not keep it and a reader get 404 on the letters, with nothing of the request",
          arguments: [("dpo-mende", "request-florac-1"), ("dpo-cdg", "request-florac-1"), ("reader-mende", "request-mende-1"), ("reader-cdg", "request-mende-1")])
    func isolation(login: String, request: String) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            for file in Self.letters {
                let response = try await browser.get("/requests/\(request)/letter/\(file)")
                #expect(response.status == .notFound, "\(login) \(request) \(file): \(response.status)")
                for marker in ["dossier-F-4", "dossier-M-17", "Commune de Florac"] {
                    #expect(!response.text.contains(marker), "\(login) \(file) shows \(marker)")
                }
            }
        }
    }

    @Test("hostile addresses: an unknown letter, form or request, an injection, a path: 404")
    func hostile() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            for path in [
                "/requests/request-mende-1/letter/answer.exe", "/requests/request-mende-1/letter/letter.odt",
                "/requests/request-mende-1/letter/answer", "/requests/request-mende-1/letter/.odt",
                "/requests/nowhere/letter/answer.odt", "/requests/%27%3B%20DROP%20TABLE%20entity%3B--/letter/answer.txt",
                "/requests/..%2F..%2Fetc%2Fpasswd/letter/answer.txt", "/download/requests/register.pdf", "/download/requests/answer.odt",
                "/download/requests/register.txt?organisation=nowhere", "/download/requests/register.txt?structure=mende",
            ] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test("the register of requests holds what the account reads: a commune's dpo its own, the admin all; a reader nothing")
    func register() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let own = try await browser.get("/download/requests/register.txt")
            #expect(own.status == .ok)
            #expect(own.text.contains("request-mende-1"))
            #expect(!own.text.contains("request-florac-1"))
            #expect(!own.text.contains("dossier-F-4"))
            #expect(try await browser.get("/download/requests/register.txt?organisation=florac").status == .notFound)
            let xml = try await browser.get("/download/requests/register.xml?organisation=mende")
            try RegisterReader.validate(bytes: Array(xml.body.readableBytesView), name: "register.xml")
            #expect(xml.text.contains("controller=\"mende\""))

            let admin = Browser(client)
            try await admin.signIn("admin")
            let all = try await admin.get("/download/requests/register.txt")
            #expect(all.text.contains("request-mende-1") && all.text.contains("request-florac-1"))
            let ods = try await admin.get("/download/requests/register.ods")
            #expect(ods.headers[.contentType] == "application/vnd.oasis.opendocument.spreadsheet")
            // Streamed from the file the spreadsheet was zipped into: the command's bytes, whole.
            var made: [UInt8] = []
            try RequestDocuments.register(of: fixture.store, scope: .whole, as: .ods, language: .fr, now: fixture.clock.now) { made += $0 }
            #expect(made.count > 1_000 && Array(ods.body.readableBytesView) == made)

            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            for file in ["register.txt", "register.xml", "register.ods"] {
                #expect(try await reader.get("/download/requests/\(file)").status == .notFound)
            }
        }
    }
}
