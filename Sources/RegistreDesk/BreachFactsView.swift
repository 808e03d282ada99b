import Foundation
import RegistreCore
import RegistreReports
import RegistreStore

/// What the breach page shows of the facts form (`Templates/desk/breach-facts.mustache`) and of the
/// fan-out to the other controllers: each choice with what is recorded selected, "not recorded" for a
/// fact the register does not hold.
extension Desk {
    func factsView(_ breach: Breach, _ visit: Visit, zone: TimeZone) throws -> [String: Any] {
        let language = visit.language
        func say(_ text: LocalizedText) -> String { text[language] }
        let activities = try activityChoices(breach, visit)
        var view: [String: Any] = [
            "l": FactWords.labels.mapValues(say),
            "occurredFrom": breach.occurredFrom.map { Self.localInput($0, in: zone) } ?? "",
            "occurredTo": breach.occurredTo.map { Self.localInput($0, in: zone) } ?? "",
            "detected": breach.detected.map { Self.localInput($0, in: zone) } ?? "",
            "processorNotified": breach.processorNotifiedController.map { Self.localInput($0, in: zone) } ?? "",
            "agreements": [["value": "", "label": say(FactWords.noAgreement), "selected": breach.agreement == nil]]
                + visit.register.agreements.filter { $0.controllers.contains(breach.controller) }.map { agreement -> [String: Any] in
                    ["value": agreement.id, "label": agreement.title, "selected": agreement.id == breach.agreement]
                },
            "activities": activities.choices, "activitiesElsewhere": activities.elsewhere,
            "hasActivitiesElsewhere": !activities.elsewhere.isEmpty,
            "encryption": FactWords.options(breach.encryption?.strength, FactWords.strength, language),
            "encryptionForm": FactWords.options(breach.encryption?.form, FactWords.form, language),
            "keyCompromised": FactWords.answers(breach.encryption?.keyCompromised, language),
            "backup": FactWords.answers(breach.restoration?.backupAvailable, language, unknown: false),
            "hoursToRestore": breach.restoration?.hoursToRestore.map(String.init) ?? "",
            "dataLost": FactWords.answers(breach.restoration?.dataLost, language),
            "outageImpact": FactWords.options(breach.restoration?.impact, FactWords.impact, language),
            "exfiltration": FactWords.options(breach.exfiltration?.finding, FactWords.finding, language),
            "evidence": breach.exfiltration?.evidence ?? "",
            "usableForPhishing": FactWords.answers(breach.exfiltration?.usableForPhishing, language),
            "recipientsTrust": FactWords.options(breach.disclosure?.trust, FactWords.trust, language),
            "recipients": breach.disclosure?.recipients ?? "",
            "recipientsBound": FactWords.answers(breach.disclosure?.boundToConfidentiality, language),
            "recipientsReturned": FactWords.answers(breach.disclosure?.returnedOrDeleted, language),
            "recipientsIdentified": FactWords.answers(breach.disclosure?.identified, language),
            "vulnerable": FactWords.boxes(breach.vulnerableGroups, name: "vulnerable", { $0.words }, language),
            "specialCategories": FactWords.boxes(breach.specialCategories, name: "specialCategories", Vocabulary.label, language),
            "criminalData": FactWords.answers(breach.criminalOffenceData, language, unknown: false),
            "harm": FactWords.boxes(breach.observedConsequences, name: "harm", { $0.words }, language),
            // False, not nil: a nil wrapped in `Any` is a value to Mustache, and would show the section.
            "fanOut": try fanOutView(breach, visit, zone: zone) ?? false,
        ]
        if !visit.policy.mayEdit(breach) {
            // The facts as a page for an account that may not change them: the moments in words.
            var shown = view
            for (key, moment) in [("occurredFrom", breach.occurredFrom), ("occurredTo", breach.occurredTo), ("detected", breach.detected),
                                  ("processorNotified", breach.processorNotifiedController)] {
                shown[key] = moment.map { Instant.wallClock($0, in: zone) } ?? ""
            }
            let labels = FactWords.labels.mapValues(say)
            let fields: [(String, String)] = [
                ("occurredFrom", "occurredFrom"), ("occurredTo", "occurredTo"), ("detected", "detected"), ("processorNotified", "processorNotified"),
                ("agreements", "agreement"), ("activities", "activities"), ("encryption", "encryption"), ("encryptionForm", "encryptionForm"),
                ("keyCompromised", "keyCompromised"), ("backup", "backup"), ("hoursToRestore", "hoursToRestore"), ("dataLost", "dataLost"),
                ("outageImpact", "outageImpact"), ("exfiltration", "exfiltration"), ("evidence", "evidence"),
                ("usableForPhishing", "usableForPhishing"), ("recipientsTrust", "recipientsTrust"), ("recipients", "recipients"),
                ("recipientsBound", "recipientsBound"), ("recipientsReturned", "recipientsReturned"),
                ("recipientsIdentified", "recipientsIdentified"), ("vulnerable", "vulnerable"), ("specialCategories", "specialCategories"),
                ("criminalData", "criminalData"), ("harm", "harm"),
            ]
            view["readRows"] = ReadRows.rows(shown, fields.map { ReadRows.Field(key: $0.0, label: labels[$0.1] ?? $0.1) }, language: language)
        }
        return view
    }

    /// The activities the breach may concern: those it names that its controller records, then its
    /// controller's (the first page of them by name, read through the store's index), each once. An
    /// activity the breach names that its controller does not record (an upload or the command line can
    /// name one) is no choice of this form and is kept on save (`BreachFactsForm`): it is named when the
    /// account may read it, and otherwise only said to be another organisation's, its id never shown.
    private func activityChoices(_ breach: Breach, _ visit: Visit) throws -> (choices: [[String: Any]], elsewhere: [String]) {
        let (rows, named) = try store.read { reading in
            (try reading.activities(ListQuery(facets: ["organisation": breach.controller]), visibleTo: .all).rows,
             try breach.activities.map { id -> (EntityID, ProcessingActivity?) in
                 guard case .activity(let activity)? = try reading.entry(EntityKey(.activity, id)) else { return (id, nil) }
                 return (id, activity)
             })
        }
        let own = named.compactMap { id, activity in activity.flatMap { $0.isRecorded(by: breach.controller) ? (id, $0.name) : nil } }
        let elsewhere = named.filter { $0.1?.isRecorded(by: breach.controller) != true }.map { _, activity -> String in
            guard let activity, visit.policy.mayRead(activity) else { return FactWords.otherOrganisationsActivity[visit.language] }
            return activity.name + " — " + FactWords.otherOrganisationsActivity[visit.language]
        }
        let others = rows.filter { !breach.activities.contains($0.id) }.map { ($0.id, $0.name) }
        let choices = (own + others).enumerated().map { index, activity -> [String: Any] in
            ["id": activity.0, "name": activity.1, "checked": index < own.count, "index": index]
        }
        return (choices, elsewhere)
    }

    /// The fan-out form (Art. 33(2)) when the breach names an agreement with other controllers: those the
    /// account may act for and that have no breach for the incident yet can be ticked.
    private func fanOutView(_ breach: Breach, _ visit: Visit, zone: TimeZone) throws -> [String: Any]? {
        guard let id = breach.agreement, let agreement = visit.register.agreement(id) else { return nil }
        let others = agreement.controllers.filter { $0 != breach.controller }
        guard !others.isEmpty else { return nil }
        let breaches = try store.read { try parties.parties(in: $0) }.breaches
        let incident = ProcessorBreachFanOut.incident(of: breach)
        let controllers = others.map { controller -> [String: Any] in
            let opened = breaches.first { $0.controller == controller && ($0.processorIncident == incident || $0.id == ProcessorBreachFanOut.id(for: controller, from: breach)) }
            let readable = opened.map(visit.policy.mayRead) ?? false
            return [
                "id": controller, "name": visit.register.organisation(controller)?.name ?? controller,
                "mayOpen": opened == nil && visit.policy.mayEdit(organisation: controller),
                "opened": readable ? opened?.id as Any : false, "openedElsewhere": opened != nil && !readable,
            ]
        }
        return ["controllers": controllers, "told": Self.localInput(visit.now, in: zone), "incident": breach.processorIncident ?? ""]
    }
}

/// The words of the facts form, in French and English.
enum FactWords {
    static let notRecorded = LocalizedText(fr: "non renseigné", en: "not recorded")
    static let noAgreement = LocalizedText(fr: "aucun (pas de sous-traitant en cause)", en: "none (no processor involved)")
    /// An activity the breach names that its controller does not record: whose it is, never its id.
    static let otherOrganisationsActivity = LocalizedText(
        fr: "un traitement d'une autre organisation", en: "an activity of another organisation")

    static func strength(_ value: Encryption.Strength) -> LocalizedText {
        switch value {
        case .stateOfTheArt: LocalizedText(fr: "à l'état de l'art", en: "state of the art")
        case .weak: LocalizedText(fr: "faible", en: "weak")
        case .none: LocalizedText(fr: "aucun", en: "none")
        }
    }

    static func form(_ value: Encryption.Form) -> LocalizedText {
        switch value {
        case .encryption: LocalizedText(fr: "chiffrement", en: "encryption")
        case .saltedHash: LocalizedText(fr: "empreintes salées (secrets hachés avec sel)", en: "salted hashes (secrets hashed with a salt)")
        }
    }

    static func impact(_ value: Restoration.OutageImpact) -> LocalizedText {
        switch value {
        case .noConsequence: LocalizedText(fr: "aucune conséquence pour les personnes", en: "no consequence for the people")
        case .disruption: LocalizedText(fr: "services perturbés", en: "services disrupted")
        case .critical: LocalizedText(fr: "service critique arrêté (soins, secours…)", en: "critical service stopped (care, emergency…)")
        }
    }

    static func finding(_ value: Exfiltration.Finding) -> LocalizedText {
        switch value {
        case .excluded: LocalizedText(fr: "exclue", en: "excluded")
        case .possible: LocalizedText(fr: "possible", en: "possible")
        case .confirmed: LocalizedText(fr: "avérée", en: "confirmed")
        }
    }

    static func trust(_ value: Disclosure.Trust) -> LocalizedText {
        switch value {
        case .trusted: LocalizedText(fr: "de confiance", en: "trusted")
        case .intentionsUnknown: LocalizedText(fr: "intentions inconnues", en: "intentions unknown")
        case .hostile: LocalizedText(fr: "malveillants", en: "hostile")
        }
    }

    /// A select's options: "not recorded", then each code, the recorded one selected.
    static func options<Value: RawRepresentable & CaseIterable & Equatable>(
        _ selected: Value?, _ label: (Value) -> LocalizedText, _ language: Language
    ) -> [[String: Any]] where Value.RawValue == String {
        [["value": "", "label": notRecorded[language], "selected": selected == nil]]
            + Value.allCases.map { ["value": $0.rawValue, "label": label($0)[language], "selected": $0 == selected] }
    }

    /// Yes, no, and "not recorded" (which the register reads as unknown where it may be).
    static func answers(_ value: Bool?, _ language: Language, unknown: Bool = true) -> [[String: Any]] {
        [
            ["value": "", "label": (unknown ? LocalizedText(fr: "inconnu (non renseigné)", en: "unknown (not recorded)") : notRecorded)[language], "selected": value == nil],
            ["value": "yes", "label": LocalizedText(fr: "oui", en: "yes")[language], "selected": value == true],
            ["value": "no", "label": LocalizedText(fr: "non", en: "no")[language], "selected": value == false],
        ]
    }

    /// Boxes for a list fact: "none" (recorded as none found), then each code, the recorded ones ticked.
    static func boxes<Value: RawRepresentable & CaseIterable & Equatable>(
        _ recorded: [Value]?, name: String, _ label: (Value) -> LocalizedText, _ language: Language
    ) -> [[String: Any]] where Value.RawValue == String {
        [["value": "none", "id": "\(name)-none", "label": LocalizedText(fr: "aucune", en: "none")[language], "checked": recorded?.isEmpty == true]]
            + Value.allCases.map { value in
                ["value": value.rawValue, "id": "\(name)-\(value.rawValue)", "label": label(value)[language], "checked": recorded?.contains(value) == true]
            }
    }

    /// The labels of the form's fields and sections.
    static let labels: [String: LocalizedText] = [
        "heading": LocalizedText(fr: "Faits pesés par la décision", en: "Facts the decision weighs"),
        "intro": LocalizedText(
            fr: "« Non renseigné » n'est pas « aucun » : la décision lit les deux différemment (lignes directrices 9/2022 du CEPD, §IV.B).",
            en: "'Not recorded' is not 'none': the decision reads them differently (EDPB Guidelines 9/2022, §IV.B)."),
        "timeline": LocalizedText(fr: "Chronologie (art. 33(5))", en: "Timeline (Art. 33(5))"),
        "occurredFrom": BreachFactsForm.occurredFromWhat, "occurredTo": BreachFactsForm.occurredToWhat,
        "detected": BreachFactsForm.detectedWhat, "processorNotified": BreachFactsForm.processorNotifiedWhat,
        "agreement": LocalizedText(fr: "Accord du sous-traitant en cause", en: "Agreement of the processor involved"),
        "activities": LocalizedText(fr: "Traitements concernés", en: "Activities concerned"),
        "activitiesElsewhere": LocalizedText(
            fr: "La violation nomme aussi (conservé tel quel) :", en: "The breach also names (kept as it is):"),
        "encryptionSection": LocalizedText(fr: "Chiffrement ou empreintes", en: "Encryption or hashes"),
        "encryption": BreachFactsForm.encryptionWhat, "encryptionForm": BreachFactsForm.encryptionFormWhat,
        "keyCompromised": LocalizedText(fr: "Clé (ou sel) compromise aussi", en: "Key (or salt) compromised too"),
        "restorationSection": LocalizedText(fr: "Sauvegarde et restauration", en: "Backup and restoration"),
        "backup": LocalizedText(fr: "Sauvegarde intacte disponible", en: "Intact backup available"),
        "hoursToRestore": LocalizedText(fr: "Durée d'indisponibilité (heures)", en: "Hours unavailable"),
        "dataLost": LocalizedText(fr: "Données perdues définitivement", en: "Data lost for good"),
        "outageImpact": BreachFactsForm.outageImpactWhat,
        "exfiltrationSection": LocalizedText(fr: "Exfiltration", en: "Exfiltration"),
        "exfiltration": LocalizedText(fr: "Constat", en: "Finding"),
        "evidence": LocalizedText(fr: "Sur quoi repose le constat (journaux, rapport d'analyse)", en: "What the finding rests on (logs, forensic report)"),
        "usableForPhishing": LocalizedText(fr: "Données utilisables pour l'hameçonnage ou la fraude", en: "Data usable for phishing or fraud"),
        "recipientsSection": LocalizedText(fr: "Destinataires", en: "Recipients"),
        "recipientsTrust": BreachFactsForm.trustWhat,
        "recipients": LocalizedText(fr: "Qui a reçu ou pris les données", en: "Who received or took the data"),
        "recipientsBound": LocalizedText(fr: "Tenus à la confidentialité", en: "Bound to confidentiality"),
        "recipientsReturned": LocalizedText(fr: "Données rendues ou suppression confirmée", en: "Data returned or deletion confirmed"),
        "recipientsIdentified": LocalizedText(fr: "Chaque destinataire identifié", en: "Each recipient identified"),
        "peopleSection": LocalizedText(fr: "Personnes et données", en: "People and data"),
        "vulnerable": BreachFactsForm.vulnerableWhat, "specialCategories": BreachFactsForm.specialWhat,
        "criminalData": LocalizedText(fr: "Données d'infractions (art. 10)", en: "Criminal offence data (Art. 10)"),
        "harm": BreachFactsForm.harmWhat,
        "save": LocalizedText(fr: "Enregistrer les faits", en: "Save the facts"),
        "fanOutHeading": LocalizedText(fr: "Autres responsables du traitement (art. 33(2))", en: "Other controllers (Art. 33(2))"),
        "fanOutIntro": LocalizedText(
            fr: "Le sous-traitant sert d'autres responsables : ouvrir la violation pour chacun, avec sa propre horloge de 72 heures depuis le moment où il a été prévenu.",
            en: "The processor serves other controllers: open the breach for each, with its own 72-hour clock from the moment it was told."),
        "fanOutTold": LocalizedText(fr: "Prévenus par le sous-traitant le", en: "Told by the processor on"),
        "incident": LocalizedText(fr: "Référence de l'incident chez le sous-traitant", en: "Processor's reference for the incident"),
        "alreadyOpened": LocalizedText(fr: "violation déjà ouverte", en: "breach already opened"),
        "notYours": LocalizedText(fr: "hors de votre compte", en: "outside your account"),
        "fanOutSubmit": LocalizedText(fr: "Ouvrir pour les responsables cochés", en: "Open for the controllers ticked"),
    ]
}
