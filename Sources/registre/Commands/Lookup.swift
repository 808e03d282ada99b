import RegistreCore

/// Finds the entry a command is about, by id, or the only one of its kind when no id is given; says what
/// exists otherwise (status 2, like any input that does not hold what was asked).
enum Lookup {
    static func one<Entry: Identifiable>(_ entries: [Entry], id: String?, kind: EntityKind, in source: String) throws(CommandError) -> Entry
    where Entry.ID == String {
        if let id {
            if let entry = entries.first(where: { $0.id == id }) { return entry }
        } else if entries.count == 1 {
            return entries[0]
        }
        let known = known(entries.map(\.id))
        guard let id else {
            throw CommandError(.unreadableInput, LocalizedText(
                fr: "\(source) : \(kind.noun.fr) : quel identifiant ? \(known.fr)", en: "\(source): which \(kind.noun.en)? \(known.en)"))
        }
        let missing = kind.missing(id)
        throw CommandError(.unreadableInput, LocalizedText(fr: "\(source) : \(missing.fr) \(known.fr)", en: "\(source): \(missing.en) \(known.en)"))
    }

    /// A mutualisation structure (an organisation with members): the one asked, or the first.
    static func structure(_ id: String?, among structures: [Organisation], in source: String) throws(CommandError) -> Organisation {
        if let id = id ?? structures.first?.id, let structure = structures.first(where: { $0.id == id }) { return structure }
        let known = known(structures.map(\.id))
        throw CommandError(.unreadableInput, LocalizedText(
            fr: "\(source) : \(id.map { "aucune structure de mutualisation « \($0) » (une organisation qui a des adhérents)" } ?? "aucune structure de mutualisation (une organisation qui a des adhérents)") \(known.fr)",
            en: "\(source): \(id.map { "no mutualisation structure '\($0)' (an organisation with members)" } ?? "no mutualisation structure (an organisation with members)") \(known.en)"))
    }

    /// That the entry an option names does not exist.
    static func notFound(_ kind: EntityKind, _ id: String, in source: String, option: String) -> CommandError {
        let missing = kind.missing(id)
        return CommandError(.unreadableInput, LocalizedText(fr: "\(source) : \(missing.fr) (option \(option))", en: "\(source): \(missing.en) (option \(option))"))
    }

    private static func known(_ ids: [String]) -> LocalizedText {
        ids.isEmpty
            ? LocalizedText(fr: "(aucun identifiant connu)", en: "(there is none)")
            : LocalizedText(fr: "(identifiants connus : \(ids.joined(separator: ", ")))", en: "(known: \(ids.joined(separator: ", ")))")
    }
}
