import RegistreCore
import RegistreStore

/// The version a desk form carries (`<input type="hidden" name="version">`): the journal sequence of the
/// entry's last change when the page showed it. A missing or malformed one is no version, which no save
/// matches: the form comes back as a conflict, with the entry as it stands.
extension FormBody {
    var shownVersion: Int? {
        struct Shown: Decodable { var version: String? }
        return ((try? decode(Shown.self))?.version).flatMap { Int($0) }
    }
}

extension Desk {
    /// The entry `key` as stored now, of the kind `value` extracts, with its version, read together.
    func shown<Value>(_ key: EntityKey, as value: (RegisterEntry) -> Value?) throws -> (value: Value, version: Int)? {
        guard let (entry, version) = try store.versionedEntry(key), let found = value(entry) else { return nil }
        return (found, version)
    }
}
