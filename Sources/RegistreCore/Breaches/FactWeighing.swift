/// How the recorded facts of a breach weigh, as the EDPB weighs them: a loss is "unlikely to result in a
/// risk" only when a fact shows it (Art. 33(1); Guidelines 9/2022 §II.D and §IV.B), and some facts make
/// a risk high whatever the score says (scale, vulnerable people, sensitive data, harm already seen).
///
/// No case of the guidelines is written here: only the factors they reason with, each one a fact of the
/// breach that the controller records and can be asked to justify.
struct FactWeighing {
    let breach: Breach

    /// registre's line between a few people and many: the guidelines give no number ("the higher the
    /// number of individuals affected, the greater the impact", 9/2022 §IV.B), so the register says
    /// which number it used whenever it relies on it.
    static let largeScale = 1_000
    /// The longest outage read as short, when the data came back intact and no vulnerable person waited
    /// on them.
    static let shortOutageHours = 24

    /// The fact that shows a loss unlikely to result in a risk, or nil when none does.
    func exemptingFact(for nature: Breach.Nature) -> LocalizedText? {
        switch nature {
        case .confidentiality: confidentialityFact
        case .availability: availabilityFact
        case .integrity: integrityFact
        }
    }

    /// Why no recorded fact exempts a loss: what the DPO would have to establish.
    func missingFact(for nature: Breach.Nature) -> LocalizedText {
        switch nature {
        case .confidentiality:
            LocalizedText(
                fr: "perte de confidentialité : ni chiffrement à l'état de l'art avec une clé non compromise, ni preuve (journaux) que rien n'a été pris, ni destinataire de confiance",
                en: "loss of confidentiality: no state-of-the-art encryption with an uncompromised key, no evidence (logs) that nothing was taken, no trusted recipient")
        case .availability:
            LocalizedText(
                fr: "perte de disponibilité : pas de restauration établie depuis une sauvegarde intacte, sans perte de données, en \(Self.shortOutageHours) heures au plus, sans personne vulnérable dépendant des données",
                en: "loss of availability: no restoration established from an intact backup, without data lost, within \(Self.shortOutageHours) hours, with no vulnerable person depending on the data")
        case .integrity:
            LocalizedText(
                fr: "perte d'intégrité : pas de restauration établie depuis une sauvegarde intacte sans perte de données",
                en: "loss of integrity: no restoration established from an intact backup without data lost")
        }
    }

    private var harmSeen: Bool { !(breach.observedConsequences ?? []).isEmpty }

    private var confidentialityFact: LocalizedText? {
        if breach.encryption?.makesDataUnintelligible == true {
            return LocalizedText(
                fr: "confidentialité : données chiffrées à l'état de l'art, clé non compromise — incompréhensibles pour qui les détient (lignes directrices 9/2022 du CEPD, §II.D)",
                en: "confidentiality: data encrypted to the state of the art, key not compromised — unintelligible to whoever holds them (EDPB Guidelines 9/2022, §II.D)")
        }
        if let exfiltration = breach.exfiltration, exfiltration.finding == .excluded, let evidence = exfiltration.evidence,
           breach.disclosure.map({ $0.trust == .trusted }) ?? true {
            return LocalizedText(
                fr: "confidentialité : aucune donnée prise, établi par « \(evidence) » (lignes directrices 01/2021 du CEPD, §2)",
                en: "confidentiality: no data taken, shown by '\(evidence)' (EDPB Guidelines 01/2021, §2)")
        }
        if let disclosure = breach.disclosure, disclosure.trust == .trusted, breach.exfiltration?.finding != .confirmed {
            let who = disclosure.recipients.map { " (\($0))" } ?? ""
            return LocalizedText(
                fr: "confidentialité : données reçues seulement par un destinataire de confiance\(who) (lignes directrices 9/2022 du CEPD, §IV.B)",
                en: "confidentiality: data received only by a trusted recipient\(who) (EDPB Guidelines 9/2022, §IV.B)")
        }
        return nil
    }

    private var availabilityFact: LocalizedText? {
        guard let restoration = breach.restoration, restoration.backupAvailable, restoration.dataLost == false,
              let hours = restoration.hoursToRestore, hours <= Self.shortOutageHours,
              (breach.vulnerableGroups ?? []).isEmpty
        else { return nil }
        return LocalizedText(
            fr: "disponibilité : restaurée depuis une sauvegarde intacte en \(hours) heure(s), sans perte de données (lignes directrices 01/2021 du CEPD, §2.1)",
            en: "availability: restored from an intact backup in \(hours) hour(s), without data lost (EDPB Guidelines 01/2021, §2.1)")
    }

    private var integrityFact: LocalizedText? {
        guard let restoration = breach.restoration, restoration.backupAvailable, restoration.dataLost == false else { return nil }
        return LocalizedText(
            fr: "intégrité : données remplacées par une sauvegarde intacte, sans perte (lignes directrices 9/2022 du CEPD, §I.B.2)",
            en: "integrity: data replaced from an intact backup, nothing lost (EDPB Guidelines 9/2022, §I.B.2)")
    }

    /// The losses that no fact exempts.
    var unexemptedNatures: [Breach.Nature] {
        breach.nature.filter { exemptingFact(for: $0) == nil }
    }

    /// Every loss is exempted by a fact, and no harm has been seen.
    var shownUnlikely: Bool {
        !breach.nature.isEmpty && unexemptedNatures.isEmpty && !harmSeen
    }

    /// Data in the hands of people who may misuse them: taken, or received by someone not trusted.
    var exposed: Bool {
        guard breach.nature.contains(.confidentiality), exemptingFact(for: .confidentiality) == nil else { return false }
        return breach.exfiltration?.finding == .confirmed
            || breach.disclosure.map { $0.trust != .trusted } == true
            || breach.assessment?.confidentiality == .unknownRecipients
            || (breach.assessment?.malicious == true && breach.assessment?.confidentiality.map { $0 != .noEvidenceOfAccess } == true)
    }

    /// The facts that make the risk high, each with the guidance it follows.
    var aggravations: [LocalizedText] {
        var found: [LocalizedText] = []
        if let consequences = breach.observedConsequences, !consequences.isEmpty {
            let list = Self.words(consequences.map(\.words))
            found.append(LocalizedText(
                fr: "préjudice déjà constaté (\(list.fr)) : le risque s'est réalisé (considérant 85 ; lignes directrices 9/2022 du CEPD, §IV.B, gravité des conséquences)",
                en: "harm already seen (\(list.en)): the risk has materialised (recital 85; EDPB Guidelines 9/2022, §IV.B, severity of consequences)"))
        }
        if exposed {
            let holder = holderWords
            if let groups = breach.vulnerableGroups, !groups.isEmpty {
                let list = Self.words(groups.map(\.words))
                found.append(LocalizedText(
                    fr: "personnes vulnérables concernées (\(list.fr)) et données \(holder.fr) (lignes directrices 9/2022 du CEPD, §IV.B, caractéristiques des personnes)",
                    en: "vulnerable people concerned (\(list.en)) and data \(holder.en) (EDPB Guidelines 9/2022, §IV.B, special characteristics of the individual)"))
            }
            if let categories = breach.specialCategories, !categories.isEmpty {
                let list = Self.words(categories.map(\.words))
                found.append(LocalizedText(
                    fr: "catégories particulières de données (art. 9 : \(list.fr)) \(holder.fr) (lignes directrices 9/2022 du CEPD, §IV.B, nature et sensibilité des données)",
                    en: "special categories of data (Art. 9: \(list.en)) \(holder.en) (EDPB Guidelines 9/2022, §IV.B, nature and sensitivity of the data)"))
            }
            if breach.criminalOffenceData == true {
                found.append(LocalizedText(
                    fr: "données d'infractions (art. 10) \(holder.fr) (lignes directrices 9/2022 du CEPD, §IV.B)",
                    en: "criminal offence data (Art. 10) \(holder.en) (EDPB Guidelines 9/2022, §IV.B)"))
            }
            if let people = breach.subjects?.lowerBound, people >= Self.largeScale {
                found.append(LocalizedText(
                    fr: "ampleur : au moins \(people) personnes (seuil de registre : \(Self.largeScale)), données \(holder.fr) (lignes directrices 9/2022 du CEPD, §IV.B, nombre de personnes)",
                    en: "scale: at least \(people) people (registre's threshold: \(Self.largeScale)), data \(holder.en) (EDPB Guidelines 9/2022, §IV.B, number of individuals)"))
            }
        }
        if breach.nature.contains(.availability), exemptingFact(for: .availability) == nil,
           breach.restoration.map({ !$0.backupAvailable || $0.dataLost != false }) ?? true {
            if let groups = breach.vulnerableGroups, !groups.isEmpty {
                let list = Self.words(groups.map(\.words))
                found.append(LocalizedText(
                    fr: "données non restaurées ou perdues dont dépendent des personnes vulnérables (\(list.fr)) (lignes directrices 01/2021 du CEPD, §2.3, cas n° 03)",
                    en: "data not restored or lost that vulnerable people depend on (\(list.en)) (EDPB Guidelines 01/2021, §2.3, case no. 03)"))
            } else if breach.specialCategories?.contains(.health) == true {
                found.append(LocalizedText(
                    fr: "données de santé non restaurées ou perdues : soins retardés (lignes directrices 01/2021 du CEPD, §2.3, cas n° 03)",
                    en: "health data not restored or lost: care delayed (EDPB Guidelines 01/2021, §2.3, case no. 03)"))
            }
        }
        return found
    }

    /// A list of named things, in each language.
    static func words(_ items: [LocalizedText]) -> LocalizedText {
        LocalizedText(fr: items.map(\.fr).joined(separator: ", "), en: items.map(\.en).joined(separator: ", "))
    }

    /// Who holds the data, in the words of an aggravation.
    private var holderWords: LocalizedText {
        switch breach.disclosure?.trust {
        case .intentionsUnknown?:
            return LocalizedText(fr: "détenues par un tiers aux intentions inconnues", en: "held by someone whose intentions are unknown")
        case .hostile?:
            return LocalizedText(fr: "aux mains d'un tiers malveillant", en: "in the hands of a hostile party")
        default: break
        }
        if breach.exfiltration?.finding == .confirmed || breach.assessment?.malicious == true {
            return LocalizedText(fr: "aux mains d'un tiers malveillant", en: "in the hands of a hostile party")
        }
        return LocalizedText(fr: "exposées à des destinataires inconnus", en: "exposed to unknown recipients")
    }
}
