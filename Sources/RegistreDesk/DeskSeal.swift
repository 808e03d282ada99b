import Foundation
import RegistreCore
import RegistreStore

/// The seal whose state the administration page shows: the files `registre verify --seal` and
/// `--public-key` read (`registre serve --seal SEAL --public-key KEY.pub`). The desk reads them again at
/// each visit, so that a seal made since (by `registre seal -o SEAL`, from a scheduled task) shows at once.
/// The desk is never given the private key: it shows a seal, it does not make one.
public struct DeskSeal: Sendable {
    /// The seal file, as `registre seal` wrote it.
    public var seal: String
    /// The public key that must have signed it (FILE.pub of `registre seal --new-key`); nil: the key is not
    /// checked, as `verify --seal` without `--public-key`.
    public var publicKey: String?

    /// The seal in the file `seal`, checked against the public key in the file `publicKey` when given.
    /// - Parameters:
    ///   - seal: the seal file.
    ///   - publicKey: the public key file, or nil.
    public init(seal: String, publicKey: String?) {
        self.seal = seal
        self.publicKey = publicKey
    }

    /// The seal and the public key, read from their files, or why they cannot be (in words).
    func read() -> Result<(seal: JournalSeal, publicKey: String?), SealFileError> {
        do {
            return .success((try JournalSeal.read(file: seal), try publicKey.map { path throws(SealFileError) in try SealKey.readPublicKey(file: path) }))
        } catch {
            return .failure(error)
        }
    }
}

extension Desk {
    /// The journal's verification (`registre verify`, or `verify --seal --public-key` when the desk was
    /// given a seal): the function the command line calls.
    func verifyJournal() throws -> JournalVerification {
        guard let given = seal, case .success(let read) = given.read() else { return try store.journal.verify() }
        return try store.journal.verify(against: read.seal, publicKey: read.publicKey)
    }

    /// What the administration page says of the seal: none given; a file that cannot be read; or when it
    /// was made, the entry and hash it covers, whether the key was checked, how many entries came since,
    /// and whether it still holds (its signature, its journal, the sealed entry's hash:
    /// `RegisterJournal.sealState`); with a verification just run, whether `verify --seal` holds.
    func sealView(_ language: Language, verified: JournalVerification?) throws -> [String: Any] {
        func say(_ text: LocalizedText) -> String { text[language] }
        guard let given = seal else { return ["none": true, "noneText": say(SealWords.none)] }
        switch given.read() {
        case .failure(let error):
            return ["unreadable": error.message[language]]
        case .success(let read):
            let state = try store.journal.sealState(of: read.seal, publicKey: read.publicKey)
            let sealedAt = Instant.fromISO(read.seal.sealedAt).map { Instant.wallClock($0, in: OrganisationTimeZone.default) } ?? read.seal.sealedAt
            var view: [String: Any] = [
                "sealed": true, "sealedAt": sealedAt, "sequence": read.seal.sequence, "hash": read.seal.hash,
                "key": read.publicKey == nil ? say(SealWords.keyNotChecked(read.seal.publicKey)) : say(SealWords.keyChecked),
                "since": say(SealWords.since(state.lastSequence > read.seal.sequence ? state.lastSequence - read.seal.sequence : 0)),
                "holds": state.problems.isEmpty, "problems": state.problems.map(say),
            ]
            if let verified {
                view["sealVerified"] = ["holds": verified.isIntact, "text": say(verified.isIntact ? SealWords.verifyHolds : SealWords.verifyFails)]
            }
            return view
        }
    }
}

/// The words of the seal's state.
enum SealWords {
    static let none = LocalizedText(
        fr: "Le bureau n'a pas reçu de sceau. Le sceau se garde hors de la base : « registre seal --key CLÉ -o SCEAU » le crée ; « registre serve --seal SCEAU --public-key CLÉ.pub » le montre ici, et la vérification ci-dessus vérifie alors aussi le sceau (« registre verify --seal SCEAU --public-key CLÉ.pub »).",
        en: "The desk was given no seal. The seal is kept outside the database: 'registre seal --key KEY -o SEAL' makes it; 'registre serve --seal SEAL --public-key KEY.pub' shows it here, and the verification above then checks the seal too ('registre verify --seal SEAL --public-key KEY.pub').")
    static let keyChecked = LocalizedText(
        fr: "signé par la clé publique donnée au bureau (--public-key)", en: "signed by the public key given to the desk (--public-key)")
    static func keyNotChecked(_ key: String) -> LocalizedText {
        LocalizedText(
            fr: "signé par la clé \(key), non vérifiée : le bureau n'a pas reçu de clé publique (--public-key)",
            en: "signed by key \(key), not checked: the desk was given no public key (--public-key)")
    }
    static func since(_ count: Int64) -> LocalizedText {
        LocalizedText(fr: "\(count) entrée(s) de journal depuis le sceau", en: "\(count) journal entry(ies) since the seal")
    }
    static let verifyHolds = LocalizedText(
        fr: "La vérification avec le sceau tient : rien n'a changé jusqu'au sceau, et le journal est intact depuis (registre verify --seal).",
        en: "The verification with the seal holds: nothing changed up to the seal, and the journal is intact since (registre verify --seal).")
    static let verifyFails = LocalizedText(
        fr: "La vérification avec le sceau ne tient pas : voir les écarts ci-dessus.",
        en: "The verification with the seal does not hold: see the problems above.")
    static let labels: [String: LocalizedText] = [
        "heading": LocalizedText(fr: "Sceau du journal (registre seal)", en: "Seal of the journal (registre seal)"),
        "sealedAt": LocalizedText(fr: "Scellé le", en: "Sealed at"),
        "entry": LocalizedText(fr: "Entrée scellée", en: "Entry sealed"),
        "holds": LocalizedText(
            fr: "Le journal prolonge toujours le sceau (signature, journal et empreinte de l'entrée scellée). Seule la vérification ci-dessus prouve aussi intacte la suite du journal.",
            en: "The journal still extends the seal (signature, journal and hash of the entry sealed). Only the verification above also proves the rest of the journal intact."),
        "broken": LocalizedText(fr: "Le sceau ne tient plus :", en: "The seal no longer holds:"),
    ]
}
