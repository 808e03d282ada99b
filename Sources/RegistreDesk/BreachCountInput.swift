import RegistreCore

/// An approximate count (Art. 33(3)(a)) as the breach form shows it in its input: in the page's language,
/// as the DPO would type it ("environ 40", "inconnu"; "about 40", "unknown"), and a range as "100-150",
/// which both languages read. What is shown is what `Count(parsing:)` reads back to the same count.
enum BreachCountInput {
    static func shown(_ count: Count?, _ language: Language) -> String {
        guard let count else { return "" }
        return count.precision == .range ? count.description : count.words[language]
    }
}
