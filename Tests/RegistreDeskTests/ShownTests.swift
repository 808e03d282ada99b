import Foundation
import HummingbirdTesting
import RegistreCore
@testable import RegistreDesk
import RegistreStore
import Testing

/// What counts as a value sent back as its page showed it: a text input loses line breaks, a text area
/// sends them as CR LF; an edit of a text area's line breaks alone is a change.
@Suite("A value sent back as shown")
struct ShownTests {
    @Test("sent back as shown: a text input's value without the stored breaks, a text area's with CR LF or its first break dropped")
    func same() {
        #expect(Shown.same("Accueil du public", "Accueil\ndu public".replacingOccurrences(of: "\n", with: " ")))
        #expect(Shown.same("Accueildu public", "Accueil\ndu public"), "a text input strips the break")
        #expect(Shown.same("Accueil\r\ndu public", "Accueil\ndu public"))
        #expect(Shown.same("Accueil\r\n\r\ndu public", "\nAccueil\n\ndu public"), "the first break after <textarea> is not sent")
        #expect(Shown.same(nil, nil) && Shown.same("", nil))
    }

    @Test("changed: a line break added or a blank line removed in a text area")
    func changed() {
        #expect(!Shown.same("Accueil\r\ndu public", "Accueil du public"), "a break added")
        #expect(!Shown.same("Accueil\r\ndu public", "Accueildu public"), "a break added where no space was")
        #expect(!Shown.same("Accueil\r\ndu public", "Accueil\n\ndu public"), "a blank line removed")
        #expect(!Shown.same("Accueil du public", "Accueil des usagers"))
    }

    @Test("in a text area, every break counts: two lines joined is a change; the same lines sent back with CR LF are not")
    func area() {
        #expect(!Shown.same("Accueildu public", "Accueil\ndu public", area: true), "a break removed")
        #expect(!Shown.same("Accueil du public", "Accueil\ndu public", area: true), "two lines joined by a space")
        #expect(Shown.same("Accueil\r\ndu public", "Accueil\ndu public", area: true))
        #expect(Shown.same("Accueil du public\r\n", "Accueil du public", area: true), "a trailing break is white space")
        #expect(Shown.optional("Accueildu public", stored: "Accueil\ndu public", area: true) == "Accueildu public")
        #expect(Shown.labels(["Accueil\r\ndu public"], stored: ["Accueil\ndu public"], area: true) == ["Accueil\ndu public"])
    }

    @Test("a DPO who joins the two lines of a purpose on the desk saves the joined purpose")
    func purposeLinesJoined() async throws {
        let fixture = try DeskFixture()
        let action = "/activities/mende-etat-civil"
        try await fixture.run { client in
            let dpo = Browser(client)
            try await dpo.signIn("dpo-mende")
            try await dpo.get(action)
            let twoLines = try await dpo.post(action, try ConcurrentEditTests.form(dpo, action, [("purposes[]", "Tenir les actes\r\nDélivrer les copies")]))
            #expect(twoLines.status == .seeOther)
            try await dpo.get(action)
            let joined = try await dpo.post(action, try ConcurrentEditTests.form(dpo, action, [("purposes[]", "Tenir les actesDélivrer les copies")]))
            #expect(joined.status == .seeOther)
        }
        guard case .activity(let stored)? = try fixture.store.entry(EntityKey(.activity, "mende-etat-civil")) else {
            Issue.record("no activity")
            return
        }
        #expect(stored.purposes.first == "Tenir les actesDélivrer les copies")
    }
}
