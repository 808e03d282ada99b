public import RegistreCore
/// Why the register of record could not do what was asked. Nothing was changed.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No database at that path, for a command that only reads.
    case noDatabase(path: String)
    /// The database cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A change dated before the last entry of the journal: the journal only moves forward.
    case timeGoesBackwards(now: String, lastEntry: String)
    /// The tables hold something the model cannot read back.
    case corrupt(String)
    /// No entry of that kind with that id.
    case unknownEntry(EntityKey)
    /// An entry names another that the register does not hold.
    case missingReference(from: EntityKey, to: EntityKey)
    /// An id is already used by another entry: ids are unique across the register.
    case idInUse(EntityID)
    /// An entry cannot be deleted while another names it.
    case stillReferenced(EntityKey, by: EntityKey)
    /// The file is not a registre database; nothing was written into it.
    case notARegister(path: String, reason: NotARegister)
    /// The database was made by a newer registre, whose schema this one does not know.
    case newerSchema(path: String)
    /// Another command held the database for longer than the busy timeout.
    case busy(path: String, seconds: Double)
    /// Reading the database failed (a damaged file, an I/O error): `reason` is SQLite's.
    case cannotRead(path: String, reason: String)
    /// Writing to the database failed (a full disk, a read-only file): `reason` is SQLite's. Nothing of
    /// the change was kept.
    case cannotWrite(path: String, reason: String)

    /// Why a file is not a registre database.
    public enum NotARegister: Sendable, Equatable {
        /// Not an SQLite database at all (a text file…).
        case notSQLite
        /// An SQLite database without registre's tables (another application's).
        case foreignSchema
        /// An SQLite database with no table at all.
        case empty
    }

    /// The error in words for a log, with the path or entry concerned (English): ``message`` in English.
    public var description: String { message.en }

    /// The error in words for the person who ran the command, in French and English, with the path or
    /// the entry concerned.
    public var message: LocalizedText {
        switch self {
        case .noDatabase(let path):
            LocalizedText(
                fr: "\(path) : aucune base de registre ici (pour en créer une : registre import FICHIER --db \(path))",
                en: "\(path): no register database here (create one with: registre import FILE --db \(path))")
        case .cannotOpen(let path, let reason):
            LocalizedText(fr: "\(path) : impossible d'ouvrir la base de registre : \(reason)",
                          en: "\(path): cannot open the register database: \(reason)")
        case .timeGoesBackwards(let now, let last):
            LocalizedText(
                fr: "la modification est datée du \(now), avant la dernière entrée du journal (\(last)) : le journal ne fait qu'avancer",
                en: "the change is dated \(now), before the last entry of the journal (\(last)): the journal only moves forward")
        case .corrupt(let detail):
            LocalizedText(fr: "la base de registre ne peut être relue : \(detail)",
                          en: "the register database cannot be read back: \(detail)")
        case .unknownEntry(let key):
            LocalizedText(fr: key.kind.missing(key.id).fr + " dans le registre", en: key.kind.missing(key.id).en + " in the register")
        case .missingReference(let from, let to):
            LocalizedText(
                fr: "\(Self.capitalized(from.kind.named(from.id).fr)) nomme \(to.kind.named(to.id).fr), que le registre ne contient pas",
                en: "\(Self.capitalized(from.kind.named(from.id).en)) names \(to.kind.named(to.id).en), which the register does not hold")
        case .idInUse(let id):
            LocalizedText(fr: "l'identifiant « \(id) » est déjà utilisé dans le registre : chaque identifiant doit être unique",
                          en: "the id '\(id)' is already used in the register: every id must be unique")
        case .stillReferenced(let key, let referrer):
            LocalizedText(
                fr: "impossible de supprimer \(key.kind.named(key.id).fr) : \(referrer.kind.named(referrer.id).fr) y fait référence",
                en: "cannot delete \(key.kind.named(key.id).en): \(referrer.kind.named(referrer.id).en) names it")
        case .notARegister(let path, .notSQLite):
            LocalizedText(fr: "\(path) : pas une base de registre (pas un fichier SQLite) ; laissé intact",
                          en: "\(path): not a registre database (not an SQLite file); left untouched")
        case .notARegister(let path, .foreignSchema):
            LocalizedText(fr: "\(path) : pas une base de registre (un fichier SQLite sans les tables de registre) ; laissé intact",
                          en: "\(path): not a registre database (an SQLite file without registre's tables); left untouched")
        case .notARegister(let path, .empty):
            LocalizedText(fr: "\(path) : pas une base de registre (un fichier SQLite vide) ; laissé intact",
                          en: "\(path): not a registre database (an empty SQLite file); left untouched")
        case .newerSchema(let path):
            LocalizedText(
                fr: "\(path) : cette base de registre a été faite par une version plus récente de registre ; utilisez cette version (base laissée intacte)",
                en: "\(path): this register database was made by a newer version of registre; use that version (left untouched)")
        case .busy(let path, let seconds):
            LocalizedText(fr: "\(path) : base occupée : une autre commande la tient depuis \(Self.format(seconds)) s",
                          en: "\(path): database busy: another command has held it for \(Self.format(seconds)) s")
        case .cannotRead(let path, let reason):
            LocalizedText(fr: "\(path) : lecture de la base de registre impossible : \(reason)",
                          en: "\(path): cannot read the register database: \(reason)")
        case .cannotWrite(let path, let reason):
            LocalizedText(fr: "\(path) : écriture dans la base de registre impossible (rien n'a été modifié) : \(reason)",
                          en: "\(path): cannot write to the register database (nothing was changed): \(reason)")
        }
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
