/// How the recorded facts of a breach weigh, as the EDPB weighs them: a loss is "unlikely to result in a
/// risk" only when a fact shows it (Art. 33(1); Guidelines 9/2022 §II.D and §IV.B), and some facts make
/// a risk high whatever the score says (scale, vulnerable people, sensitive data, harm already seen).
///
/// No case of the guidelines is written here: only the factors they reason with, each one a fact of the
/// breach that the controller records and can be asked to justify.
struct FactWeighing {
    /// The breach as recorded.
    let recorded: Breach
    /// The breach as weighed: each contradicted favourable fact set aside (``FactContradiction``).
    let breach: Breach
    /// The recorded facts that cannot both be true.
    let contradictions: [FactContradiction]

    init(breach: Breach) {
        recorded = breach
        self.breach = FactContradiction.lessFavourable(breach)
        contradictions = FactContradiction.all(in: breach)
    }

    /// registre's line between a few people and many: the guidelines give no number ("the higher the
    /// number of individuals affected, the greater the impact", 9/2022 §IV.B), so the register says
    /// which number it used whenever it relies on it.
    static let largeScale = 1_000
    /// The longest outage read as short, when the data came back intact and nothing the people needed
    /// waited on them.
    static let shortOutageHours = 24

    /// What one fact does to one loss: show it unlikely to result in a risk (nobody can read the data,
    /// nothing was taken, the outage touched nobody), or lower the likelihood that the data are misused
    /// (the recipient can be trusted, or gave them back).
    struct Effect {
        enum Strength { case showsUnlikely, lowersLikelihood }
        var strength: Strength
        /// The fact and the guidance it follows.
        var words: LocalizedText
    }

    /// The fact that weighs on a loss, the strongest first; nil when none does.
    func effect(on nature: Breach.Nature) -> Effect? {
        switch nature {
        case .confidentiality: confidentialityEffect
        case .availability: availabilityFact.map { Effect(strength: .showsUnlikely, words: $0) }
        case .integrity: integrityFact.map { Effect(strength: .showsUnlikely, words: $0) }
        }
    }

    /// The fact that shows a loss unlikely to result in a risk, or nil when none does.
    func exemptingFact(for nature: Breach.Nature) -> LocalizedText? {
        effect(on: nature).map(\.words)
    }

    /// Why no recorded fact exempts a loss: what the DPO would have to establish.
    func missingFact(for nature: Breach.Nature) -> LocalizedText {
        switch nature {
        case .confidentiality:
            LocalizedText(
                fr: "perte de confidentialité : ni chiffrement à l'état de l'art avec une clé non compromise, ni preuve (journaux) que rien n'a été pris, ni destinataire de confiance tenu à la confidentialité ayant rendu ou supprimé les données",
                en: "loss of confidentiality: no state-of-the-art encryption with an uncompromised key, no evidence (logs) that nothing was taken, no trusted recipient bound to confidentiality who returned or deleted the data")
        case .availability:
            LocalizedText(
                fr: "perte de disponibilité : pas de restauration établie depuis une sauvegarde intacte, sans perte de données, en \(Self.shortOutageHours) heures au plus, sans conséquence pour les personnes",
                en: "loss of availability: no restoration established from an intact backup, without data lost, within \(Self.shortOutageHours) hours, with no consequence for the people")
        case .integrity:
            LocalizedText(
                fr: "perte d'intégrité : pas de restauration établie depuis une sauvegarde intacte sans perte de données",
                en: "loss of integrity: no restoration established from an intact backup without data lost")
        }
    }

    private var harmSeen: Bool { !(breach.observedConsequences ?? []).isEmpty }

    private var confidentialityEffect: Effect? {
        if let encryption = breach.encryption, encryption.makesDataUnintelligible {
            return Effect(strength: .showsUnlikely, words: encryption.isSaltedHash
                ? LocalizedText(
                    fr: "confidentialité : secrets conservés en empreintes salées par un algorithme à l'état de l'art, sel non compromis — inexploitables pour qui les détient (lignes directrices 01/2021 du CEPD, §3.2, cas n° 06)",
                    en: "confidentiality: secrets stored as salted hashes with a state-of-the-art algorithm, salt not compromised — of no use to whoever holds them (EDPB Guidelines 01/2021, §3.2, case no. 06)")
                : LocalizedText(
                    fr: "confidentialité : données chiffrées à l'état de l'art, clé non compromise — incompréhensibles pour qui les détient (lignes directrices 9/2022 du CEPD, §II.D)",
                    en: "confidentiality: data encrypted to the state of the art, key not compromised — unintelligible to whoever holds them (EDPB Guidelines 9/2022, §II.D)"))
        }
        if let exfiltration = breach.exfiltration, exfiltration.finding == .excluded, let evidence = exfiltration.evidence,
           breach.disclosure.map({ $0.trust == .trusted || $0.returnedOrDeleted == true }) ?? true {
            return Effect(strength: .showsUnlikely, words: LocalizedText(
                fr: "confidentialité : aucune donnée prise, établi par « \(evidence) » (lignes directrices 01/2021 du CEPD, §2)",
                en: "confidentiality: no data taken, shown by '\(evidence)' (EDPB Guidelines 01/2021, §2)"))
        }
        guard let disclosure = breach.disclosure, breach.exfiltration?.finding != .confirmed, disclosure.returnedOrDeleted == true else {
            return nil
        }
        let who = disclosure.recipients.map { " (\($0))" } ?? ""
        if disclosure.trust == .trusted, disclosure.boundToConfidentiality == true {
            return Effect(strength: .lowersLikelihood, words: LocalizedText(
                fr: "confidentialité : destinataire de confiance\(who), tenu à la confidentialité, qui a rendu ou supprimé les données (lignes directrices 9/2022 du CEPD, §IV.B ; 01/2021, §4.2, cas n° 09)",
                en: "confidentiality: trusted recipient\(who), bound to confidentiality, who returned or deleted the data (EDPB Guidelines 9/2022, §IV.B; 01/2021, §4.2, case no. 09)"))
        }
        if disclosure.trust != .hostile, disclosure.identified == true {
            return Effect(strength: .lowersLikelihood, words: LocalizedText(
                fr: "confidentialité : destinataire erroné mais identifié\(who), qui a rendu les données ou confirmé leur suppression (lignes directrices 01/2021 du CEPD, §6, erreurs d'envoi)",
                en: "confidentiality: wrong but identified recipient\(who), who returned the data or confirmed their deletion (EDPB Guidelines 01/2021, §6, mispostal)"))
        }
        return nil
    }

    /// Facts recorded that do not weigh as they stand, and what they lack.
    var factsThatDoNotCount: [LocalizedText] {
        var notes: [LocalizedText] = []
        if breach.nature.contains(.confidentiality), let disclosure = breach.disclosure, disclosure.trust == .trusted,
           confidentialityEffect == nil {
            var lacking: [LocalizedText] = []
            if disclosure.boundToConfidentiality != true {
                lacking.append(LocalizedText(fr: "tenu à la confidentialité", en: "bound to confidentiality"))
            }
            if disclosure.returnedOrDeleted != true {
                lacking.append(LocalizedText(fr: "données rendues ou supprimées", en: "data returned or deleted"))
            }
            if !lacking.isEmpty {
                notes.append(LocalizedText(
                    fr: "Destinataire dit « de confiance », mais non établi : \(lacking.map(\.fr).joined(separator: ", ")) ; il ne réduit pas le risque (lignes directrices 01/2021 du CEPD, §4.2, cas n° 09).",
                    en: "Recipient recorded as trusted, but not shown: \(lacking.map(\.en).joined(separator: ", ")); it does not lower the risk (EDPB Guidelines 01/2021, §4.2, case no. 09)."))
            }
        }
        if breach.nature.contains(.availability), let restoration = breach.restoration, restoration.backupAvailable,
           restoration.dataLost == false, (restoration.hoursToRestore ?? .max) <= Self.shortOutageHours, restoration.impact == nil {
            notes.append(LocalizedText(
                fr: "Restauration rapide depuis une sauvegarde intacte, mais les conséquences de l'indisponibilité pour les personnes ne sont pas enregistrées (soins retardés, services arrêtés) : elle ne suffit pas à montrer le risque improbable (lignes directrices 01/2021 du CEPD, §2.3, cas n° 03).",
                en: "Quick restoration from an intact backup, but what the unavailability did to the people is not recorded (care delayed, services stopped): it does not show the risk unlikely (EDPB Guidelines 01/2021, §2.3, case no. 03)."))
        }
        if breach.nature.contains(.availability), breach.restoration?.permanentLoss == true {
            notes.append(LocalizedText(
                fr: "Données perdues pour de bon, sans sauvegarde : la perte de disponibilité ne peut être montrée improbable d'engendrer un risque (lignes directrices 01/2021 du CEPD, §2.2, cas n° 02).",
                en: "Data lost for good, with no backup: the loss of availability cannot be shown unlikely to result in a risk (EDPB Guidelines 01/2021, §2.2, case no. 02)."))
        }
        return notes
    }

    private var availabilityFact: LocalizedText? {
        guard let restoration = breach.restoration, restoration.backupAvailable, restoration.dataLost == false,
              let hours = restoration.hoursToRestore, hours <= Self.shortOutageHours, restoration.impact == Restoration.OutageImpact.noConsequence,
              (breach.vulnerableGroups ?? []).isEmpty
        else { return nil }
        return LocalizedText(
            fr: "disponibilité : restaurée depuis une sauvegarde intacte en \(hours) heure(s), sans perte de données ni conséquence pour les personnes (lignes directrices 01/2021 du CEPD, §2.1, cas n° 01 ; §2.3, cas n° 03)",
            en: "availability: restored from an intact backup in \(hours) hour(s), without data lost or consequence for the people (EDPB Guidelines 01/2021, §2.1, case no. 01; §2.3, case no. 03)")
    }

    private var integrityFact: LocalizedText? {
        guard let restoration = breach.restoration, restoration.backupAvailable, restoration.dataLost == false else { return nil }
        return LocalizedText(
            fr: "intégrité : données remplacées par une sauvegarde intacte, sans perte (lignes directrices 9/2022 du CEPD, §I.B.2)",
            en: "integrity: data replaced from an intact backup, nothing lost (EDPB Guidelines 9/2022, §I.B.2)")
    }

    /// The losses on which no fact weighs.
    var unexemptedNatures: [Breach.Nature] {
        breach.nature.filter { effect(on: $0) == nil }
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
            if breach.exfiltration?.finding == .confirmed, breach.exfiltration?.usableForPhishing == true {
                found.append(LocalizedText(
                    fr: "données prises utilisables pour tromper les personnes au nom du responsable (hameçonnage, fraude) (lignes directrices 9/2022 du CEPD, §IV.B, gravité des conséquences ; 01/2021, §2.4, cas n° 04)",
                    en: "data taken usable to deceive the people in the controller's name (phishing, fraud) (EDPB Guidelines 9/2022, §IV.B, severity of consequences; 01/2021, §2.4, case no. 04)"))
            }
            if let people = breach.subjects?.lowerBound, people >= Self.largeScale {
                found.append(LocalizedText(
                    fr: "ampleur : au moins \(people) personnes (seuil de registre : \(Self.largeScale)), données \(holder.fr) (lignes directrices 9/2022 du CEPD, §IV.B, nombre de personnes)",
                    en: "scale: at least \(people) people (registre's threshold: \(Self.largeScale)), data \(holder.en) (EDPB Guidelines 9/2022, §IV.B, number of individuals)"))
            }
        }
        if breach.nature.contains(.availability), breach.restoration?.impact == .critical {
            found.append(LocalizedText(
                fr: "indisponibilité d'un service critique pour les personnes (soins, secours, prestations dont elles vivent), quelle que soit la restauration (lignes directrices 01/2021 du CEPD, §2.3, cas n° 03)",
                en: "a service critical to the people (care, emergency help, benefits they live on) was unavailable, however it was restored (EDPB Guidelines 01/2021, §2.3, case no. 03)"))
        } else if breach.nature.contains(.availability), exemptingFact(for: .availability) == nil,
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
