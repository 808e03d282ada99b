import Foundation
import GRDB
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import Testing

/// The activities' text filter from the trigram index (migration v9): it follows every write of a name
/// in the same transaction (import, point write, deletion), finds any part of a name or id whatever its
/// case, and gives the rows a LIKE over every name would.
@Suite("Lists: the text filter from the trigram index")
struct ActivityTextIndexTests {
    let scratch: ScratchDirectory
    let store: RegisterStore

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded)
        let register = Register(
            organisations: [Organisation(id: "mende", name: "Mende")],
            activities: [
                ProcessingActivity(id: "etat-civil", name: "État civil", controller: "mende"),
                ProcessingActivity(id: "elections", name: "Élections municipales", controller: "mende"),
                ProcessingActivity(id: "cantine", name: "Cantine scolaire", controller: "mende"),
                ProcessingActivity(id: "quote", name: #"Le "bon" usage"#, controller: "mende"),
            ])
        _ = try store.replace(with: register, actor: "setup")
    }

    func found(_ text: String) throws -> [EntityID] {
        try store.read { try $0.activities(ListQuery(text: text, sort: "id"), visibleTo: .all) }.rows.map(\.id)
    }

    @Test("any part of a name or id, of three characters or more, in any case; a double quote is a character")
    func substrings() throws {
        #expect(try found("civil") == ["etat-civil"])
        #expect(try found("ÉTAT") == ["etat-civil"], "case folded beyond ASCII")
        #expect(try found("tions") == ["elections"])
        #expect(try found("ntine") == ["cantine"])
        #expect(try found("t-ci") == ["etat-civil"], "a part of the id")
        #expect(try found(#""bon""#) == ["quote"])
        #expect(try found("absent").isEmpty)
        // Below three characters, the names that begin with the text (accents aside), from the index on their keys.
        #expect(try found("ét") == ["etat-civil"], "below three characters, the names that begin with it")
        #expect(try found("ta").isEmpty, "not a part inside the name below three characters")
    }

    @Test("a rename, a new activity and a deletion are found as soon as they are committed")
    func followsWrites() throws {
        _ = try store.change(actor: "dpo") { edit in
            var activity = try edit.activity("cantine")
            activity.name = "Restauration scolaire"
            try edit.save(.activity(activity))
            try edit.save(.activity(ProcessingActivity(id: "piscine", name: "Piscine municipale", controller: "mende")))
            try edit.delete(EntityKey(.activity, "elections"))
        }
        #expect(try found("Cantine s").isEmpty, "the old name; the id still holds \"cantine\"")
        #expect(try found("restau") == ["cantine"])
        #expect(try found("municipal") == ["piscine"])
        #expect(try found("lections").isEmpty)
        #expect(try store.journal.verify().isIntact)
    }
}
