import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreDocuments
import RegistreService
import Testing

/// One organisation's register as ODS, ODT and JSON-LD, and a structure's members' registers in one
/// archive: the bytes `registre export --controller` and `--each-member` give for the same register.
@Suite("Desk: a register's documents, and each member's in one archive")
struct DocumentDownloadTests {
    @Test("ODS, ODT and JSON-LD of one organisation are the bytes export gives for it; another's are not found")
    func documents() async throws {
        let fixture = try StructureFixture()
        let whole = try fixture.store.register()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get("/organisations/mende")
            for format in [RegisterDocuments.Format.ods, .odt, .jsonld] {
                #expect(page.text.contains("/documents/mende/\(format.rawValue)"))
                let response = try await browser.get("/documents/mende/\(format.rawValue)")
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == format.mediaType)
                let expected = try RegisterDocuments.bytes(of: whole.restricted(to: "mende"), as: format, language: .fr)
                #expect(Array(buffer: response.body) == expected, "\(format)")
                #expect(try await browser.get("/documents/florac/\(format.rawValue)").status == .notFound)
            }
            #expect(try await browser.get("/documents/mende/xml").status == .notFound, "XML is /download/register's")
            #expect(try await browser.get("/structures/cdg48/members-documents?format=ods").status == .notFound)
        }
    }

    @Test("the structure's account downloads every member's register in one archive, one file per member as --each-member names it")
    func memberArchive() async throws {
        let fixture = try StructureFixture()
        let whole = try fixture.store.register()
        try await fixture.run { client in
            let structure = Browser(client)
            try await structure.signIn("dpo-cdg")
            #expect(try await structure.get("/structures/cdg48").text.contains("/structures/cdg48/members-documents?format=jsonld"))
            for format in [RegisterDocuments.Format.jsonld, .text] {
                let response = try await structure.get("/structures/cdg48/members-documents?format=\(format.rawValue)")
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                let files = try FileArchive.files(in: Array(buffer: response.body))
                #expect(files.map(\.name) == ["mende.\(format.fileExtension)", "florac.\(format.fileExtension)"])
                for file in files {
                    let member = String(file.name.prefix { $0 != "." })
                    #expect(file.bytes == (try RegisterDocuments.bytes(of: whole.restricted(to: member), as: format, language: .fr)), "\(file.name)")
                }
            }
            #expect(try await structure.get("/structures/cdg48/members-documents?format=pdf").status == .notFound)
            let reader = Browser(client)
            try await reader.signIn("reader-cdg")
            #expect(try await reader.get("/structures/cdg48/members-documents?format=ods").status == .notFound, "the members' registers are not the reader's")
        }
    }
}
