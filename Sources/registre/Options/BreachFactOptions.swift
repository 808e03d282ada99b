import ArgumentParser
import RegistreCore

/// A yes/no answer that may also be "unknown": what the DPO knows is not always a yes or a no.
enum Answer: String, ExpressibleByArgument, CaseIterable {
    case yes, no, unknown

    var value: Bool? {
        switch self {
        case .yes: true
        case .no: false
        case .unknown: nil
        }
    }
}

/// The options of `breach update` for the facts the decision weighs (EDPB Guidelines 9/2022 §IV.B).
/// Each option changes its fact alone; a list option replaces the list, and `none` records that none
/// was found (which is not the same as not recorded).
struct FactOptions: ParsableArguments {
    @Option(help: "Encryption of the data: state-of-the-art, weak or none.") var encryption: Encryption.Strength?
    @Option(name: .customLong("key-compromised"), help: "Whether the key (or a hash's salt) was compromised too: yes, no or unknown.") var keyCompromised: Answer?
    @Option(name: .customLong("encryption-form"), help: "What protects the data: encryption or salted-hash (secrets stored as salted hashes).") var encryptionForm: Encryption.Form?
    @Option(help: "Whether an intact backup existed: yes or no.") var backup: Answer?
    @Option(name: .customLong("hours-to-restore"), help: "Hours the data were, or will be, unavailable.") var hoursToRestore: Int?
    @Option(name: .customLong("data-lost"), help: "Whether data were lost for good: yes, no or unknown.") var dataLost: Answer?
    @Option(name: .customLong("outage-impact"), help: "What the unavailability did to the people: none, disruption or critical.") var outageImpact: Restoration.OutageImpact?
    @Option(help: "What is established about data being taken: excluded, possible or confirmed.") var exfiltration: Exfiltration.Finding?
    @Option(help: "What the exfiltration finding rests on (logs, forensic report).") var evidence: String?
    @Option(name: .customLong("usable-for-phishing"), help: "Whether the data taken serve phishing or fraud in the controller's name: yes, no or unknown.") var usableForPhishing: Answer?
    @Option(help: "Who received or took the data.") var recipients: String?
    @Option(name: .customLong("recipients-trust"), help: "trusted, intentions-unknown or hostile.") var recipientsTrust: Disclosure.Trust?
    @Option(name: .customLong("recipients-bound"), help: "Whether the recipients are bound to confidentiality: yes, no or unknown.") var recipientsBound: Answer?
    @Option(name: .customLong("recipients-returned"), help: "Whether the recipients returned the data or confirmed their deletion: yes, no or unknown.") var recipientsReturned: Answer?
    @Option(name: .customLong("recipients-identified"), help: "Whether each recipient is identified (a named addressee): yes, no or unknown.") var recipientsIdentified: Answer?
    @Option(help: ArgumentHelp("Vulnerable people concerned: \(VulnerableGroup.allCases.map(\.rawValue).joined(separator: ", ")) or none (repeatable; replaces).", valueName: "group"))
    var vulnerable: [String] = []
    @Option(name: .customLong("special-category"), help: ArgumentHelp("Art. 9 data breached (e.g. health) or none (repeatable; replaces).", valueName: "category"))
    var specialCategories: [String] = []
    @Option(name: .customLong("criminal-data"), help: "Whether Art. 10 data were breached: yes, no or unknown.") var criminalData: Answer?
    @Option(help: ArgumentHelp("Harm already seen: \(Consequence.allCases.map(\.rawValue).joined(separator: ", ")) or none (repeatable; replaces).", valueName: "harm"))
    var harm: [String] = []

    func validate() throws {
        if backup == .unknown { throw ValidationError("--backup: expected yes or no") }
        if let hoursToRestore, hoursToRestore < 0 { throw ValidationError("--hours-to-restore \(hoursToRestore): expected a number of hours ≥ 0") }
        _ = try Self.list(vulnerable, "--vulnerable", as: VulnerableGroup.self)
        _ = try Self.list(specialCategories, "--special-category", as: SpecialCategory.self)
        _ = try Self.list(harm, "--harm", as: Consequence.self)
    }

    /// The values of a repeatable option: nil when not given, [] for `none`.
    static func list<Value: RawRepresentable & CaseIterable>(_ texts: [String], _ option: String, as _: Value.Type) throws -> [Value]?
    where Value.RawValue == String {
        guard !texts.isEmpty else { return nil }
        if texts == ["none"] { return [] }
        return try texts.map { text in
            guard let value = Value(rawValue: text) else {
                throw ValidationError("\(option) '\(text)': expected \(Value.allCases.map(\.rawValue).joined(separator: ", ")) or none")
            }
            return value
        }
    }

    /// A fact that needs another the breach does not record yet: a value the breach cannot take as it
    /// stands (status 2), not a wrong command line.
    static func incomplete(fr: String, en: String) -> CommandError {
        CommandError(.unreadableInput, LocalizedText(fr: fr, en: en))
    }

    func apply(to breach: inout Breach) throws {
        try applyEncryption(to: &breach)
        try applyRestoration(to: &breach)
        try applyExfiltration(to: &breach)
        try applyDisclosure(to: &breach)
        if let groups = try Self.list(vulnerable, "--vulnerable", as: VulnerableGroup.self) { breach.vulnerableGroups = groups }
        if let categories = try Self.list(specialCategories, "--special-category", as: SpecialCategory.self) { breach.specialCategories = categories }
        if let criminalData { breach.criminalOffenceData = criminalData.value }
        if let harm = try Self.list(harm, "--harm", as: Consequence.self) { breach.observedConsequences = harm }
    }

    private func applyEncryption(to breach: inout Breach) throws {
        guard encryption != nil || keyCompromised != nil || encryptionForm != nil else { return }
        guard var value = breach.encryption ?? encryption.map({ Encryption($0) }) else {
            throw Self.incomplete(fr: "--key-compromised, --encryption-form : la violation n'a pas encore de chiffrement ; donnez aussi --encryption", en: "--key-compromised, --encryption-form: the breach records no encryption yet; give --encryption too")
        }
        if let encryption { value.strength = encryption }
        if let keyCompromised { value.keyCompromised = keyCompromised.value }
        if let encryptionForm { value.form = encryptionForm }
        breach.encryption = value
    }

    private func applyRestoration(to breach: inout Breach) throws {
        guard backup != nil || hoursToRestore != nil || dataLost != nil || outageImpact != nil else { return }
        guard var value = breach.restoration ?? backup.flatMap({ $0.value }).map({ Restoration(backupAvailable: $0) }) else {
            throw Self.incomplete(fr: "--hours-to-restore, --data-lost, --outage-impact : la violation n'a pas encore de sauvegarde ; donnez aussi --backup yes ou no", en: "--hours-to-restore, --data-lost, --outage-impact: the breach records no backup yet; give --backup yes or no too")
        }
        if let available = backup?.value { value.backupAvailable = available }
        if let hoursToRestore { value.hoursToRestore = hoursToRestore }
        if let dataLost { value.dataLost = dataLost.value }
        if let outageImpact { value.impact = outageImpact }
        breach.restoration = value
    }

    private func applyExfiltration(to breach: inout Breach) throws {
        guard exfiltration != nil || evidence != nil || usableForPhishing != nil else { return }
        guard var value = breach.exfiltration ?? exfiltration.map({ Exfiltration($0) }) else {
            throw Self.incomplete(fr: "--evidence, --usable-for-phishing : la violation n'a pas encore de constat d'exfiltration ; donnez aussi --exfiltration", en: "--evidence, --usable-for-phishing: the breach records no exfiltration finding yet; give --exfiltration too")
        }
        if let exfiltration { value.finding = exfiltration }
        if let evidence { value.evidence = evidence }
        if let usableForPhishing { value.usableForPhishing = usableForPhishing.value }
        breach.exfiltration = value
    }

    private func applyDisclosure(to breach: inout Breach) throws {
        guard recipients != nil || recipientsTrust != nil || recipientsBound != nil || recipientsReturned != nil
            || recipientsIdentified != nil
        else { return }
        guard var value = breach.disclosure ?? recipientsTrust.map({ Disclosure($0) }) else {
            throw Self.incomplete(fr: "--recipients, --recipients-bound, --recipients-returned, --recipients-identified : la violation n'a pas encore de destinataires ; donnez aussi --recipients-trust", en: "--recipients, --recipients-bound, --recipients-returned, --recipients-identified: the breach records no recipients yet; give --recipients-trust too")
        }
        if let recipientsTrust { value.trust = recipientsTrust }
        if let recipients { value.recipients = recipients }
        if let recipientsBound { value.boundToConfidentiality = recipientsBound.value }
        if let recipientsReturned { value.returnedOrDeleted = recipientsReturned.value }
        if let recipientsIdentified { value.identified = recipientsIdentified.value }
        breach.disclosure = value
    }
}
