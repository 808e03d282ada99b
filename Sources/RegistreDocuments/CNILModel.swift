package import RegistreCore

/// The labels of the CNIL's simplified register model (`registre-traitement-simplifie.ods`, 2018), in its
/// own French wording, and what each means in registre's terms. The export writes these labels; the
/// import recognises them whatever their case, accents, spacing and punctuation (see `LabelKey`).
package enum CNILModel {
    // Sheet "2 - Liste des traitements": one row per processing.
    package static let listSheet = "Liste des traitements"
    package static let listColumns = [
        "Nom du traitement", "N° / RÉF", "Date de création de la fiche", "Dernière mise à jour de la fiche",
        "Finalité du traitement", "Données sensibles ?", "Responsable du traitement",
    ]

    // Sheet "3 - Modèle de fiche de registre": one record per processing, labels in column A.
    package static let recordTitle = "Fiche de registre"
    package static let description = "Description du traitement"
    package static let name = "Nom du traitement"
    package static let reference = "N° / RÉF"
    package static let created = "Date de création du traitement"
    package static let updated = "Mise à jour du traitement"

    package static let actors = "Acteurs"
    package static let actorColumns = ["Nom", "Adresse", "Code Postal", "Ville", "Pays", "Téléphone", "Adresse mél"]
    package static let controller = "Responsable du traitement"
    package static let dpo = "Délégué à la protection des données"
    package static let dpoCompany = "Société du DPO (si celui-ci est externe)"
    package static let representative = "Représentant"
    package static let jointControllers = "Responsable(s) conjoint(s)"

    package static let purposes = "Finalité(s) du traitement effectué"
    package static let mainPurpose = "Finalité principale"
    package static let subPurpose = "Sous-finalité"

    package static let dataCategories = "Catégories de données personnelles concernées"
    package static let sensitiveData = "Données sensibles"
    package static let categoryColumns = ["Description", "Durée de conservation"]
    /// A row the export adds for a retention period tied to no data category of the model.
    package static let otherRetention = "Durée de conservation (autres données)"
    package static let otherCategory = "Autres catégories de données"

    /// The model's data-category rows, with the DPV code registre gives them (nil where DPV has no term
    /// of the same extent).
    package static let categoryRows: [(label: String, code: String?)] = [
        ("État civil, identité, données d'identification, images…", "pd:Identifying"),
        ("Vie personnelle (habitudes de vie, situation familiale, etc.)", nil),
        ("Informations d'ordre économique et financier (revenus, situation financière, situation fiscale, etc.)", "pd:Financial"),
        ("Données de connexion (adresse IP, logs, etc.)", "pd:OnlineIdentifier"),
        ("Données de localisation (déplacements, données GPS, GSM, etc.)", "pd:Location"),
        ("Numéro de Sécurité Sociale (ou NIR)", "pd:NationalIdentificationNumber"),
    ]

    /// The nine sensitive-data rows: the eight special categories of Art. 9(1), then Art. 10.
    package static let sensitiveRows: [(label: String, category: SpecialCategory?)] = [
        ("Données révélant l'origine raciale ou ethnique", .racialOrEthnicOrigin),
        ("Données révélant les opinions politiques", .politicalOpinions),
        ("Données révélant les convictions religieuses ou philosophiques", .religiousOrPhilosophicalBeliefs),
        ("Données révélant l'appartenance syndicale", .tradeUnionMembership),
        ("Données génétiques", .geneticData),
        ("Données biométriques aux fins d'identifier une personne physique de manière unique", .biometricData),
        ("Données concernant la santé", .health),
        ("Données concernant la vie sexuelle ou l'orientation sexuelle", .sexLifeOrSexualOrientation),
        ("Données relatives à des condamnations pénales ou infractions", nil),
    ]

    package static let dataSubjects = "Catégories de personnes concernées"
    package static let dataSubjectRow = "Catégorie de personnes"
    package static let detailColumns = ["Description", "Précisions"]

    package static let recipients = "Destinataires"
    package static let recipientRow = "Destinataire"
    package static let recipientColumns = ["Type de destinataire", "Précisions"]
    package static let recipientKinds: [(label: String, kind: Recipient.Kind)] = [
        ("Service interne qui traite les données", .internal),
        ("Sous-traitants", .processor),
        ("Partenaires institutionnels ou commerciaux", .external),
        ("Autorité publique", .publicAuthority),
        ("Destinataires dans des pays tiers ou organisations internationales", .external),
        ("Autre (Préciser)", .external),
    ]

    package static let securityMeasures = "Mesures de sécurité"
    package static let securityRow = "Mesure de sécurité"
    package static let securityColumns = ["Type de mesure de sécurité", "Précisions"]
    package static let securityKinds: [(label: String, kind: SecurityMeasure.Kind)] = [
        ("Contrôle d'accès des utilisateurs", .accessControl),
        ("Mesures de traçabilité", .traceability),
        ("Mesures de protection des logiciels", .softwareProtection),
        ("Sauvegarde des données", .backup),
        ("Chiffrement des données", .encryption),
        ("Contrôle des sous-traitants", .processorControl),
        ("Sécurité physique", .physicalSecurity),
        ("Autres mesures (à préciser)", .other),
        ("Autres mesures", .other),
    ]

    package static let transfers = "Transferts hors UE"
    package static let transferRow = "Organisme destinataire"
    package static let transferColumns = ["Destinataire", "Pays", "Type de Garanties", "Liens vers la documentation"]
    /// The model's safeguards, then registre's others in French. "Privacy shield" is not here: the CJEU
    /// invalidated it in 2020 (C-311/18), and a transfer resting on it has no safeguard any more.
    package static let safeguards: [(label: String, safeguard: Transfer.Safeguard)] = [
        ("Clauses contractuelles types (CCT)", .standardContractualClauses),
        ("Règles d'entreprise contraignantes (BCR)", .bindingCorporateRules),
        ("Pays adéquat", .adequacyDecision),
        ("Code de conduite", .codeOfConduct),
        ("Certification", .certification),
        ("Dérogations (art 49)", .derogation),
        ("Instrument juridiquement contraignant entre autorités publiques", .legallyBindingInstrument),
        ("Clauses contractuelles ad hoc autorisées", .adHocContractualClauses),
        ("Arrangement administratif autorisé", .administrativeArrangement),
        ("Intérêts légitimes impérieux", .compellingLegitimateInterests),
    ]
    package static let privacyShield = "Privacy shield"

    /// What the model's example sheet ("4 - Exemple de fiche") holds, a fictitious payroll processing of a
    /// fictitious controller: its name, reference, controller and DPO with their e-mails, and the recipient
    /// of its transfer. A record sheet holding three of them is the example, whatever its tab is called.
    package static let exampleSigns = [
        "Gestion de la paie", "1 - Exemple", "Louise DUPONT", "exemple1@ets.com", "Martin HENRI", "exemple2@ets.com", "Banque d'Andorre",
    ]

    /// What the model's drop-down cells show until a value is chosen.
    package static let placeholder = "Sélectionnez un élément dans cette liste déroulante ►"

    // Sheet "Sous-traitant": registre's addition for the records of Art. 30(2).
    package static let processorSheet = "Registre du sous-traitant"
    package static let processorColumns = [
        "Sous-traitant", "Pour le compte de", "N° / RÉF", "Date de création", "Mise à jour",
        "Catégories de traitements", "Mesures de sécurité", "Transferts hors UE", "Sous-traitants ultérieurs",
    ]

    /// The model's country names (sheet "5 - Listes") most found in registers, for a transfer's country;
    /// an ISO 3166 code is read as such.
    package static let countries: [String: String] = [
        "Andorre": "AD", "Argentine": "AR", "Canada": "CA", "Etats-Unis": "US", "États-Unis": "US",
        "Guernesey": "GG", "Ile de Man": "IM", "Île de Man": "IM", "Iles Féroé": "FO", "Israël": "IL",
        "Japon": "JP", "Jersey": "JE", "Nouvelle-Zélande": "NZ", "Suisse": "CH", "Uruguay": "UY",
        "Royaume-Uni": "GB", "Corée du Sud": "KR", "Inde": "IN", "Chine": "CN", "Brésil": "BR",
        "Maroc": "MA", "Tunisie": "TN", "Algérie": "DZ", "Sénégal": "SN", "Singapour": "SG",
        "Australie": "AU", "Russie": "RU", "Turquie": "TR", "Ukraine": "UA", "Mexique": "MX",
        "France": "FR", "Allemagne": "DE", "Belgique": "BE", "Espagne": "ES", "Italie": "IT",
        "Irlande": "IE", "Luxembourg": "LU", "Pays-Bas": "NL", "Portugal": "PT", "Pologne": "PL",
        "Norvège": "NO", "Islande": "IS", "Liechtenstein": "LI", "Suède": "SE", "Danemark": "DK",
        "Finlande": "FI", "Autriche": "AT", "Grèce": "GR", "Roumanie": "RO", "Monaco": "MC",
    ]

    static let retentionUnits: [(word: String, plural: String, unit: PeriodLength.Unit)] = [
        ("heure", "heures", .hours), ("jour", "jours", .days), ("semaine", "semaines", .weeks),
        ("mois", "mois", .months), ("an", "ans", .years),
    ]

    /// A retention period in the words the export writes and the import reads back: "5 ans à compter de la
    /// fin du contrat ; ensuite : archivage".
    package static func describe(_ period: RetentionPeriod) -> String {
        var text: String
        switch period.rule {
        case .duration(let length, let from):
            let unit = retentionUnits.first { $0.unit == length.unit }!
            text = "\(length.value) \(length.value > 1 ? unit.plural : unit.word)"
            if let from { text += " à compter de \(from)" }
        case .criterion(let criterion):
            text = criterion
        }
        if let then = period.then { text += " ; ensuite : \(then)" }
        return text
    }

    /// The reverse of `describe`: a duration when the text starts with a number and a unit, a criterion
    /// otherwise ("jusqu'à la fin du contrat").
    package static func retention(_ text: String, data: String?) -> RetentionPeriod {
        var body = text
        var then: String?
        if let range = text.range(of: " ; ensuite : ") {
            body = String(text[..<range.lowerBound])
            then = String(text[range.upperBound...])
        }
        let words = body.split(separator: " ", maxSplits: 2).map(String.init)
        if words.count >= 2, let value = Int(words[0]), value > 0,
            let unit = retentionUnits.first(where: { $0.word == words[1] || $0.plural == words[1] })
        {
            let rest = words.count > 2 ? words[2] : ""
            let prefix = "à compter de "
            if rest.isEmpty {
                return RetentionPeriod(data: data, rule: .duration(PeriodLength(value, unit.unit), from: nil), then: then)
            }
            if rest.hasPrefix(prefix) {
                return RetentionPeriod(
                    data: data, rule: .duration(PeriodLength(value, unit.unit), from: String(rest.dropFirst(prefix.count))), then: then
                )
            }
        }
        return RetentionPeriod(data: data, rule: .criterion(body), then: then)
    }
}
