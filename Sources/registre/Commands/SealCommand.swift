import ArgumentParser
import Foundation
import RegistreCore
import RegistreStore

/// `registre seal`: anchors the journal outside the database, so that `verify --seal` can prove that
/// nothing up to the seal was changed since, by anyone without the private key.
struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Sign a checkpoint of the journal with a key kept outside the database.",
        discussion: """
            `registre seal --new-key KEYFILE` creates a key: KEYFILE (the private key, readable by its \
            owner only; keep it away from the database) and KEYFILE.pub (the public key, to keep where the \
            verifier can trust it). `registre seal --key KEYFILE [-o SEAL]` verifies the database, then \
            writes a seal: the journal's identity (the hash of its first entry), the sequence and SHA-256 \
            of its last entry and the time (the system's, as the journal's), signed with Ed25519. Keep the seal outside the database too, \
            then run `registre verify --seal SEAL --public-key KEYFILE.pub`. A database that does not \
            verify is not sealed (status 1).
            """
    )

    @Option(name: .customLong("new-key"), help: ArgumentHelp("Create a new key in this file (and its public key in FILE.pub), then stop.", valueName: "file"))
    var newKey: String?

    @Option(help: ArgumentHelp("The private key that signs the seal.", valueName: "file"))
    var key: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the seal to this file instead of standard output.", valueName: "path"))
    var output: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if (newKey == nil) == (key == nil) { throw ValidationError("give either --new-key FILE or --key FILE") }
        if newKey != nil && output != nil { throw ValidationError("--new-key writes FILE and FILE.pub: -o has no use with it") }
    }

    func run() throws {
        if let newKey { return try create(newKey) }
        guard let keyPath = key else { return }
        let keyText: String
        do {
            keyText = try String(contentsOfFile: keyPath, encoding: .utf8)
        } catch {
            let reason = (error as NSError).localizedDescription
            throw CommandError(.unreadableInput, LocalizedText(
                fr: "\(keyPath) : clé illisible : \(reason)", en: "\(keyPath): cannot read the key: \(reason)"))
        }
        guard let sealKey = SealKey(text: keyText) else {
            throw CommandError(.unreadableInput, LocalizedText(
                fr: "\(keyPath) : pas une clé de sceau de registre (attendu : le fichier fait par `registre seal --new-key`)",
                en: "\(keyPath): not a registre seal key (expected the file made by `registre seal --new-key`)"))
        }
        let database = try store.open(.readOnly)
        let (verification, seal) = try database.journal.seal(with: sealKey)
        guard let seal else {
            throw CommandError(.findingsWithErrors, LocalizedText(
                fr: "\(store.path) : rien n'est scellé — \(verification.problems.first?.fr ?? "le journal est vide")",
                en: "\(store.path): nothing sealed — \(verification.problems.first?.en ?? "the journal is empty")"))
        }
        try Output.deliver(Array(seal.text.utf8), to: output)
    }

    /// Writes a new key pair; never over an existing file.
    private func create(_ path: String) throws {
        let key = SealKey.generate()
        for (file, text, mode) in [(path, key.text, mode_t(0o600)), (path + ".pub", key.publicKeyText, mode_t(0o644))] {
            let descriptor = open(file, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw CommandError(.unreadableInput, LocalizedText(
                    fr: "\(file) : impossible de créer la clé : \(reason)", en: "\(file): cannot create the key: \(reason)"))
            }
            fchmod(descriptor, mode)  // whatever the umask
            defer { close(descriptor) }
            try OutputFile.writeAll(Array(text.utf8), to: descriptor, reportedAs: file)
        }
        try Console.out("\(path)\n\(path).pub\n")
    }
}
