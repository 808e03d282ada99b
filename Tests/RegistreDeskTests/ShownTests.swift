@testable import RegistreDesk
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
}
