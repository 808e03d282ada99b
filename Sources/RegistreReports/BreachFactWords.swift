import RegistreCore

/// The facts of a breach as the reports say them; a fact not recorded is said to be so, never left out,
/// since "not recorded" and "none" lead to different decisions.
enum BreachFactWords {
    static let notRecorded = LocalizedText(fr: "non renseigné", en: "not recorded")
    static let none = LocalizedText(fr: "aucun", en: "none")

    static func encryption(_ encryption: Encryption?) -> LocalizedText {
        guard let encryption else { return notRecorded }
        let strength = switch encryption.strength {
        case .stateOfTheArt: LocalizedText(fr: "à l'état de l'art", en: "state of the art")
        case .weak: LocalizedText(fr: "faible", en: "weak")
        case .none: LocalizedText(fr: "aucun", en: "none")
        }
        guard encryption.strength != .none else { return strength }
        let hash = encryption.isSaltedHash
        let key = switch encryption.keyCompromised {
        case true?: hash ? LocalizedText(fr: "sel compromis", en: "salt compromised") : LocalizedText(fr: "clé compromise", en: "key compromised")
        case false?: hash ? LocalizedText(fr: "sel non compromis", en: "salt not compromised") : LocalizedText(fr: "clé non compromise", en: "key not compromised")
        case nil: hash ? LocalizedText(fr: "sort du sel inconnu", en: "fate of the salt unknown") : LocalizedText(fr: "sort de la clé inconnu", en: "fate of the key unknown")
        }
        let form = hash ? LocalizedText(fr: "empreintes salées ", en: "salted hashes, ") : LocalizedText(fr: "", en: "")
        return LocalizedText(fr: "\(form.fr)\(strength.fr), \(key.fr)", en: "\(form.en)\(strength.en), \(key.en)")
    }

    static func restoration(_ restoration: Restoration?) -> LocalizedText {
        guard let restoration else { return notRecorded }
        var fr = [restoration.backupAvailable ? "sauvegarde intacte" : "pas de sauvegarde utilisable"]
        var en = [restoration.backupAvailable ? "intact backup" : "no usable backup"]
        if let hours = restoration.hoursToRestore {
            fr.append("restauration en \(hours) h")
            en.append("restored in \(hours) h")
        }
        switch restoration.dataLost {
        case true?: fr.append("données perdues"); en.append("data lost")
        case false?: fr.append("aucune perte"); en.append("nothing lost")
        case nil: fr.append("pertes inconnues"); en.append("losses unknown")
        }
        switch restoration.impact {
        case .noConsequence?: fr.append("sans conséquence pour les personnes"); en.append("no consequence for the people")
        case .disruption?: fr.append("services perturbés"); en.append("services disrupted")
        case .critical?: fr.append("service critique arrêté"); en.append("critical service stopped")
        case nil: break
        }
        return LocalizedText(fr: fr.joined(separator: ", "), en: en.joined(separator: ", "))
    }

    static func exfiltration(_ exfiltration: Exfiltration?) -> LocalizedText {
        guard let exfiltration else { return notRecorded }
        let finding = switch exfiltration.finding {
        case .excluded: LocalizedText(fr: "exclue", en: "excluded")
        case .possible: LocalizedText(fr: "possible", en: "possible")
        case .confirmed: LocalizedText(fr: "avérée", en: "confirmed")
        }
        var fr = finding.fr, en = finding.en
        if exfiltration.usableForPhishing == true {
            fr += ", utilisable pour l'hameçonnage ou la fraude"
            en += ", usable for phishing or fraud"
        }
        guard let evidence = exfiltration.evidence else { return LocalizedText(fr: fr, en: en) }
        return LocalizedText(fr: "\(fr) — \(evidence)", en: "\(en) — \(evidence)")
    }

    static func disclosure(_ disclosure: Disclosure?) -> LocalizedText {
        guard let disclosure else { return notRecorded }
        let trust = switch disclosure.trust {
        case .trusted: LocalizedText(fr: "de confiance", en: "trusted")
        case .intentionsUnknown: LocalizedText(fr: "intentions inconnues", en: "intentions unknown")
        case .hostile: LocalizedText(fr: "malveillant", en: "hostile")
        }
        var fr = [trust.fr], en = [trust.en]
        if disclosure.identified == true { fr.append("identifié"); en.append("identified") }
        if disclosure.boundToConfidentiality == true { fr.append("tenu à la confidentialité"); en.append("bound to confidentiality") }
        if disclosure.boundToConfidentiality == false { fr.append("non tenu à la confidentialité"); en.append("not bound to confidentiality") }
        if disclosure.returnedOrDeleted == true { fr.append("données rendues ou supprimées"); en.append("data returned or deleted") }
        if disclosure.returnedOrDeleted == false { fr.append("données ni rendues ni supprimées"); en.append("data neither returned nor deleted") }
        let said = LocalizedText(fr: fr.joined(separator: ", "), en: en.joined(separator: ", "))
        guard let recipients = disclosure.recipients else { return said }
        return LocalizedText(fr: "\(recipients) — \(said.fr)", en: "\(recipients) — \(said.en)")
    }

    static func list<Value>(_ values: [Value]?, _ label: (Value) -> LocalizedText) -> LocalizedText {
        guard let values else { return notRecorded }
        guard !values.isEmpty else { return none }
        return LocalizedText(fr: values.map { label($0).fr }.joined(separator: ", "), en: values.map { label($0).en }.joined(separator: ", "))
    }

    static func flag(_ value: Bool?) -> LocalizedText {
        value.map { Vocabulary.yesNo($0) } ?? notRecorded
    }

    /// The facts, one line each, in the order of the report.
    static func lines(of breach: Breach, in language: Language) -> [[String: String]] {
        let facts: [(LocalizedText, LocalizedText)] = [
            (LocalizedText(fr: "Chiffrement", en: "Encryption"), encryption(breach.encryption)),
            (LocalizedText(fr: "Sauvegarde et restauration", en: "Backup and restoration"), restoration(breach.restoration)),
            (LocalizedText(fr: "Exfiltration", en: "Exfiltration"), exfiltration(breach.exfiltration)),
            (LocalizedText(fr: "Destinataires", en: "Recipients"), disclosure(breach.disclosure)),
            (LocalizedText(fr: "Personnes vulnérables", en: "Vulnerable people"), list(breach.vulnerableGroups, \.words)),
            (LocalizedText(fr: "Catégories particulières (art. 9)", en: "Special categories (Art. 9)"), list(breach.specialCategories, Vocabulary.label)),
            (LocalizedText(fr: "Infractions (art. 10)", en: "Criminal offences (Art. 10)"), flag(breach.criminalOffenceData)),
            (LocalizedText(fr: "Préjudices constatés", en: "Harm seen"), list(breach.observedConsequences, \.words)),
        ]
        return facts.map { ["label": $0.0[language], "value": $0.1[language]] }
    }
}
