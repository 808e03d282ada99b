import RegistreCore
import RegistreReports
import Testing

@Suite("The journal's values in words")
struct JournalFieldTextTests {
    @Test("a length of time reads as the reports word it, in the language asked", arguments: [
        ("{\"unit\":\"months\",\"value\":24}", Language.fr, "24 mois"),
        ("{\"unit\":\"years\",\"value\":1}", Language.fr, "1 an"),
        ("{\"unit\":\"years\",\"value\":1}", Language.en, "1 year"),
        ("{\"value\":5,\"unit\":\"days\"}", Language.en, "5 days"),
    ])
    func period(json: String, language: Language, words: String) {
        #expect(JournalFieldText.value(json, field: "duration", language: language) == words)
    }

    @Test("an object that is not a length of time keeps its items, named", arguments: [
        "{\"unit\":\"fortnights\",\"value\":2}", "{\"unit\":\"days\",\"value\":2.5}", "{\"unit\":\"days\",\"value\":2,\"from\":\"x\"}",
    ])
    func notAPeriod(json: String) throws {
        let text = try #require(JournalFieldText.value(json, field: "duration", language: .fr))
        #expect(text.hasPrefix("{"))
    }
}
