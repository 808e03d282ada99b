import Foundation
import Crypto
public import RegistreCore

/// A checkpoint of the journal, signed with an Ed25519 key kept outside the database: which journal
/// (the hash of its first entry), how far (a sequence and the hash of that entry), and when.
///
/// The hash chain alone proves internal consistency only: whoever can write the database can rewrite
/// an entry and recompute every hash after it. A seal made earlier cannot be recomputed without the
/// private key, so a journal that still has the sealed hash at the sealed sequence, and an intact chain,
/// proves that nothing up to the seal was changed since it was made. Only against a public key obtained
/// separately (`--public-key`) does it prove who made it: a forger can sign a new seal with a new key.
///
/// The file is text, one `name: value` per line after a version line; the signature covers every byte
/// before the `signature:` line.
public struct JournalSeal: Sendable, Equatable {
    /// The hash of the journal's first entry: which database's journal this is.
    public var journal: String
    /// The sequence number of the last entry the seal covers.
    public var sequence: Int64
    /// The hash of that entry, in hexadecimal: the seal proves everything up to it unchanged.
    public var hash: String
    /// When the seal was made (`Timestamp` form).
    public var sealedAt: String
    /// The Ed25519 public key that signed it, raw, in base64.
    public var publicKey: String
    /// The Ed25519 signature of `signedText`, in base64.
    public var signature: String

    static let version = "registre-seal-1"

    var signedText: String {
        """
        \(Self.version)
        journal: \(journal)
        sequence: \(sequence)
        hash: \(hash)
        sealed-at: \(sealedAt)
        public-key: \(publicKey)

        """
    }

    /// The seal as written to its file.
    public var text: String { signedText + "signature: \(signature)\n" }

    /// Signs a checkpoint.
    init(journal: String, sequence: Int64, hash: String, sealedAt: Date, key: SealKey) throws {
        self.journal = journal
        self.sequence = sequence
        self.hash = hash
        self.sealedAt = Timestamp.format(sealedAt)
        publicKey = key.publicKey
        signature = ""
        signature = try key.key.signature(for: Data(signedText.utf8)).base64EncodedString()
    }

    /// Reads a seal file's text; nil when it is not one.
    public init?(text: String) {
        var values: [String: String] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Self.version) else { return nil }
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            values[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // A journal's sequence counts from 1 (0: an empty journal); anything below is no seal registre wrote,
        // and would make arithmetic on it overflow.
        guard let journal = values["journal"], let sequence = values["sequence"].flatMap(Int64.init), sequence >= 0,
              let hash = values["hash"], let sealedAt = values["sealed-at"], let publicKey = values["public-key"],
              let signature = values["signature"]
        else { return nil }
        (self.journal, self.sequence, self.hash, self.sealedAt, self.publicKey, self.signature) =
            (journal, sequence, hash, sealedAt, publicKey, signature)
        // Exactly the bytes this type writes: nothing unsigned can slip in between the lines.
        guard self.text == text else { return nil }
    }

    /// Whether `publicKey` made `signature` over this seal's content.
    public var isSigned: Bool {
        guard let raw = Data(base64Encoded: publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
              let signature = Data(base64Encoded: signature)
        else { return false }
        return key.isValidSignature(signature, for: Data(signedText.utf8))
    }
}

/// The private key that signs seals: kept outside the database, readable by its owner only.
public struct SealKey: Sendable {
    /// The private key's raw 32 bytes (the key type itself is not Sendable).
    private let raw: Data

    var key: Curve25519.Signing.PrivateKey {
        // Made from these very bytes, which were checked when the key was read or made.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    static let version = "registre-seal-key-1"
    static let publicVersion = "registre-seal-public-key-1"

    /// A new signing key, from the system's secure random source.
    public static func generate() -> SealKey { SealKey(key: Curve25519.Signing.PrivateKey()) }

    private init(key: Curve25519.Signing.PrivateKey) { raw = key.rawRepresentation }

    /// Reads a key file's text; nil when it is not one.
    public init?(text: String) {
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == Substring(Self.version), let raw = Data(base64Encoded: String(lines[1])),
              (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil
        else { return nil }
        self.raw = raw
    }

    /// The key file's text.
    public var text: String { "\(Self.version)\n\(raw.base64EncodedString())\n" }

    /// The public key, raw, in base64, as seals name it.
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// The public key file's text: what a verifier keeps apart from the database to pin the signer.
    public var publicKeyText: String { "\(Self.publicVersion)\n\(publicKey)\n" }

    /// The public key a public key file holds, raw, in base64; nil when the text is not one.
    public static func publicKey(fromText text: String) -> String? {
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == Substring(publicVersion), let raw = Data(base64Encoded: String(lines[1])),
              (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
        else { return nil }
        return String(lines[1])
    }
}

/// A seal or public key file that cannot be read as one: why, in words.
public struct SealFileError: Error, Sendable {
    /// What is wrong with the file, with its path.
    public var message: LocalizedText
}

extension JournalSeal {
    /// The seal in the file at `path`, as `registre verify --seal` and the desk read it.
    /// - Parameter path: the seal file (written by `registre seal`).
    /// - Throws: ``SealFileError`` when the file cannot be read or is not a seal.
    public static func read(file path: String) throws(SealFileError) -> JournalSeal {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SealFileError(message: LocalizedText(fr: "\(path) : sceau illisible", en: "\(path): cannot read the seal"))
        }
        guard let seal = JournalSeal(text: text) else {
            throw SealFileError(message: LocalizedText(
                fr: "\(path) : pas un sceau de registre (attendu : le fichier écrit par `registre seal`)",
                en: "\(path): not a registre seal (expected the file written by `registre seal`)"))
        }
        return seal
    }
}

extension SealKey {
    /// The public key in the file at `path` (raw, in base64), as `registre verify --public-key` and the desk read it.
    /// - Parameter path: the public key file (FILE.pub written by `registre seal --new-key`).
    /// - Throws: ``SealFileError`` when the file cannot be read or is not a public key.
    public static func readPublicKey(file path: String) throws(SealFileError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SealFileError(message: LocalizedText(fr: "\(path) : clé publique illisible", en: "\(path): cannot read the public key"))
        }
        guard let key = publicKey(fromText: text) else {
            throw SealFileError(message: LocalizedText(
                fr: "\(path) : pas une clé publique de registre (attendu : FICHIER.pub écrit par `registre seal --new-key`)",
                en: "\(path): not a registre public key (expected FILE.pub written by `registre seal --new-key`)"))
        }
        return key
    }
}
