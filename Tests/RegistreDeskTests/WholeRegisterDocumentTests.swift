import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreDocuments
import RegistreService
import RegistreStore
import Testing

/// The whole register as ODS, ODT and JSON-LD, for whoever reads it all: the bytes `registre export --db
/// --format` gives, made in memory for a register of bounded size; and the members' archive, its members
/// checked in its own read transaction.
@Suite("Desk: the whole register's documents, and the members' archive read once")
struct WholeRegisterDocumentTests {
    @Test("an administrator downloads the whole register as export gives it; a dpo is not offered it", arguments: [
        RegisterDocuments.Format.ods, .odt, .jsonld,
    ])
    func whole(format: RegisterDocuments.Format) async throws {
        let fixture = try DeskFixture()
        // What `registre export --db --format` writes: the whole register read from the database.
        let expected = try RegisterDocuments.bytes(of: try fixture.store.register(), as: format, language: .fr)
        try await fixture.run { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/register").text.contains("/register-documents/\(format.rawValue)"))
            let response = try await admin.get("/register-documents/\(format.rawValue)")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == format.mediaType)
            #expect(Array(buffer: response.body) == expected)
            let dpo = Browser(client)
            try await dpo.signIn("dpo-cdg")
            #expect(!(try await dpo.get("/register").text.contains("/register-documents/")))
            #expect(try await dpo.get("/register-documents/\(format.rawValue)").status == .notFound)
        }
    }

    @Test("beyond the bound, refused in words before the register is read; XML and text are not this route's")
    func bounded() async throws {
        let fixture = try DeskFixture()
        #expect(throws: RegisterDocuments.TooLarge(activities: 3, limit: 2)) {
            try RegisterDocuments.wholeDocument(of: fixture.store, as: .ods, language: .fr, limit: 2)
        }
        #expect(try RegisterDocuments.wholeDocument(of: fixture.store, as: .ods, language: .fr, limit: 3).isEmpty == false)
        try await fixture.run { client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/register-documents/xml").status == .notFound)
            #expect(try await admin.get("/register-documents/txt").status == .notFound)
        }
    }

    @Test("the members' archive: its members checked in the transaction that reads them; the file removed once sent")
    func memberArchive() throws {
        let fixture = try StructureFixture()
        #expect(throws: AccessRefusal(EntityKey(.organisation, "florac"))) {
            try RegisterDocuments.memberArchive(of: fixture.store, structure: "cdg48", as: .ods, language: .fr, readable: { $0 != "florac" })
        }
        let whole = try fixture.store.register()
        let archive = try RegisterDocuments.memberArchive(of: fixture.store, structure: "cdg48", as: .ods, language: .fr)
        let files = try FileArchive.files(in: try archive.bytes())
        archive.remove()
        #expect(files.map(\.name) == ["mende.ods", "florac.ods"])
        let expected = try RegisterDocuments.memberFiles(
            of: whole, structure: try #require(whole.organisation("cdg48")), as: .ods, language: .fr)
        #expect(files.map(\.bytes) == expected.map(\.bytes), "the bytes --each-member writes")
    }
}

/// A structure's register and its members' together, in one document: what `export --members-of` writes.
@Suite("Desk: a structure's register and its members' in one document")
struct StructureDocumentTests {
    @Test("the structure's account downloads the bytes `export --members-of` gives; the members' account and the reader do not", arguments: [
        RegisterDocuments.Format.ods, .text, .jsonld,
    ])
    func together(format: RegisterDocuments.Format) async throws {
        let fixture = try StructureFixture()
        let whole = try fixture.store.register()
        let structure = try #require(whole.organisation("cdg48"))
        let expected = try RegisterDocuments.bytes(
            of: whole.restricted(toAll: RegisterDocuments.structureScope(structure, in: whole)), as: format, language: .fr)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-cdg")
            #expect(try await browser.get("/structures/cdg48").text.contains("/structures/cdg48/document?format=\(format.rawValue)"))
            let response = try await browser.get("/structures/cdg48/document?format=\(format.rawValue)")
            #expect(response.status == .ok)
            #expect(Array(buffer: response.body) == expected)
            for login in ["dpo-mende", "reader-cdg"] {
                let other = Browser(client)
                try await other.signIn(login)
                #expect(try await other.get("/structures/cdg48/document?format=\(format.rawValue)").status == .notFound, "\(login)")
            }
        }
    }

    @Test("the scope: the structure, then its members once; every activity any of them records, none of another")
    func scope() throws {
        let fixture = try StructureFixture()
        let whole = try fixture.store.register()
        var structure = try #require(whole.organisation("cdg48"))
        structure.members += ["mende", "inconnue"]
        #expect(RegisterDocuments.structureScope(structure, in: whole) == ["cdg48", "mende", "florac"])
        let together = whole.restricted(toAll: ["cdg48", "mende", "florac"])
        #expect(Set(together.activities.map(\.id)) == Set(whole.activities.filter { ["cdg48", "mende", "florac"].contains($0.controller) }.map(\.id)))
        let mende = whole.restricted(toAll: ["mende"])
        #expect(mende == whole.restricted(to: "mende"), "one organisation: the same as restricted(to:)")
        #expect(throws: AccessRefusal(EntityKey(.organisation, "florac"))) {
            try RegisterDocuments.structureDocument(of: fixture.store, structure: "cdg48", as: .text, language: .fr, readable: { $0 != "florac" })
        }
        #expect(throws: RegisterDocuments.TooLarge.self) {
            try RegisterDocuments.structureDocument(of: fixture.store, structure: "cdg48", as: .text, language: .fr, limit: 1)
        }
    }

    @Test("the bound counts the activities a member controls jointly with an organisation outside the structure, once each")
    func boundCountsJointActivities() throws {
        let fixture = try StructureFixture()
        let scope: [EntityID] = ["cdg48", "mende", "florac"]
        let controlled = try fixture.store.read { try $0.activityCounts(controlledBy: scope).values.reduce(0, +) }
        // Quiet: the members' own activities fit a bound of exactly their number.
        #expect(try RegisterDocuments.structureDocument(of: fixture.store, structure: "cdg48", as: .text, language: .fr, limit: controlled).isEmpty == false)
        var shared = DeskFixture.activity("prestataire-partage", "Portail partagé", of: "prestataire")
        shared.jointControllers = [
            ProcessingActivity.JointController(organisation: "mende", arrangement: "Convention"),
            ProcessingActivity.JointController(organisation: "florac", arrangement: "Convention"),
        ]
        _ = try fixture.store.change(actor: "setup") { try $0.save(.activity(shared)) }
        #expect(try fixture.store.read { try $0.activityCount(recordedBy: scope) } == controlled + 1, "counted once for two members")
        #expect(try fixture.store.read { try $0.activityCount() } == fixture.store.register().activities.count)
        // Firing: the document holds that activity too, so the same bound now refuses it.
        #expect(throws: RegisterDocuments.TooLarge(activities: controlled + 1, limit: controlled)) {
            try RegisterDocuments.structureDocument(of: fixture.store, structure: "cdg48", as: .text, language: .fr, limit: controlled)
        }
    }
}
