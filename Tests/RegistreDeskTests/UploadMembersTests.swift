import Foundation
import RegistreCore
import RegistreDesk
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// A structure's members decide what other accounts may see: only an administrator changes them, by the
/// organisation form or by an upload alike.
@Suite("Desk: an upload changes no structure's members but an administrator's")
struct UploadMembersTests {
    /// Uploads `register` as `login` and expects its preview to answer `status`.
    static func preview(_ register: Register, as login: String, _ fixture: DeskFixture, answers status: Int, _ comment: Comment = "") async throws {
        let bytes = try RegisterWriter.bytes(of: register)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            try await browser.get("/upload")
            let csrf = try #require(browser.csrf)
            #expect(Int(try await UploadTests.upload(browser, bytes, filename: "m.xml", csrf: csrf).status.code) == status, comment)
        }
    }

    @Test("a dpo of mende and florac cannot make florac a member of mende (which would open florac to mende's accounts)")
    func addingRefused() async throws {
        let fixture = try DeskFixture()
        try fixture.store.accounts.add(
            Account(login: "dpo-two", role: .dpo, organisations: ["mende", "florac"], passwordHash: Passwords.hash(DeskFixture.password, cost: 4)),
            actor: "setup", at: friday.addingTimeInterval(-86_400))
        var mende = DeskFixture.mende
        mende.members = ["florac"]
        let before = fixture.journalCount
        try await Self.preview(Register(title: DeskFixture.register.title, organisations: [DeskFixture.florac, mende]), as: "dpo-two", fixture, answers: 422)
        #expect(fixture.journalCount == before)
        #expect(try fixture.store.register().organisation("mende")?.members == [])
    }

    @Test("a structure's dpo cannot empty its members; an administrator can")
    func removing() async throws {
        let fixture = try DeskFixture()
        var cdg = DeskFixture.cdg
        cdg.members = []
        let file = Register(title: DeskFixture.register.title, organisations: [cdg])
        try await Self.preview(file, as: "dpo-cdg", fixture, answers: 422)
        try await Self.preview(file, as: "admin", fixture, answers: 200, "an administrator's upload may change members")
        #expect(try fixture.store.register().organisation("cdg48")?.members == DeskFixture.cdg.members, "a preview writes nothing")
    }
}
