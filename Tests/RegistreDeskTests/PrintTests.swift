import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
@testable import RegistreDesk
import RegistreService
import Testing

@Suite("Desk: the printed register of one organisation, as a document")
struct PrintTests {
    /// The text of an HTML page, its tags dropped and its entities read.
    static func text(of html: String) -> String {
        html.replacing(/<[^>]*>/, with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test("the document holds every line of `export --format text --controller`, after a first page with the controller, the DPO, the date printed and the contents")
    func holdsTheTextExport() async throws {
        let fixture = try DeskFixture()
        var bytes: [UInt8] = []
        try RegisterExports.text(of: fixture.store, restrictedTo: "florac", language: .fr) { bytes += $0 }
        let export = String(decoding: bytes, as: UTF8.self)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let page = try await browser.get("/organisations/florac/print")
            #expect(page.status == .ok)
            let text = Self.text(of: page.text)
            for line in export.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(text.contains(line), "missing: \(line)")
            }
            let contents = try #require(page.text.range(of: "id=\"contents-heading\""))
            let first = page.text[..<contents.lowerBound]
            #expect(first.contains("Commune de Florac"))
            #expect(first.contains("Délégué de Florac"))
            #expect(first.contains("Imprimé le 2026-03-27"))
            #expect(page.text[contents.upperBound...].contains("<li><a href=\"#activity-florac-cantine\">Cantine de Florac</a></li>"))
            #expect(page.text.contains("<section class=\"part sheet\" id=\"activity-florac-cantine\""))
            #expect(page.text.hasSuffix("</html>\n"))
            let style = try await browser.get("/organisations/florac/print.css")
            #expect(style.text.contains("@top-left { content: \"Commune de Florac\""))
            #expect(style.text.contains("counter(page) \" / \" counter(pages)"))
        }
    }

    @Test("an organisation the account may not read has no printed register")
    func notAnothers() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            #expect(try await browser.get("/organisations/florac/print").status == .notFound)
            #expect(try await browser.get("/organisations/florac/print.css").status == .notFound)
            #expect(try await browser.get("/organisations/mende/print").status == .ok)
        }
    }

    @Test("a name that would end the CSS string is escaped in the page style")
    func pageStyleEscapes() {
        let style = PrintedDocument.pageStyle("Mairie \"du\" port\\\n")
        #expect(style.contains("content: \"Mairie \\\"du\\\" port\\\\\\a \""))
    }
}
