import RegistreCore
import RegistreReports

/// What the pages "Nouvel accord" and "Conditions de l'accord" show: the terms with what is recorded
/// selected, periods as the command line writes them (`30d`, `10wd`), and the labels of both forms.
enum AgreementTermsView {
    /// A period as `DeadlinePeriod(shorthand:)` reads it back.
    static func shorthand(_ period: DeadlinePeriod) -> String {
        let unit = switch period.length.unit {
        case .hours: "h"
        case .days: period.workingDays ? "wd" : "d"
        case .weeks: "w"
        case .months: "m"
        case .years: "y"
        }
        return "\(period.length.value)\(unit)"
    }

    /// A term's counting as its select shows it: empty when the contract does not state it.
    static func countingShown(_ term: ContractTerm) -> String {
        term.countingIsDefault == true ? "" : term.counting.rawValue
    }

    /// The table of the terms form that takes several rows, as `?more=` names it (`MoreRows`).
    static let tables: Set<String> = ["terms"]

    /// The view of "Conditions de l'accord" for `agreement`: its terms, then the empty rows `MoreRows`
    /// gives (one while there is none, three more when `more` asks for them).
    static func view(_ agreement: DataProcessingAgreement, _ language: Language, more: String? = nil) -> [String: Any] {
        let authorisation = agreement.subProcessorAuthorisation, audit = agreement.auditTerms
        let kinds = SubProcessorAuthorisation.Kind.allCases.map { kind -> [String: Any] in
            ["value": kind.rawValue, "label": (kind == .general ? LocalizedText(fr: "générale", en: "general") : LocalizedText(fr: "spécifique", en: "specific"))[language],
             "selected": kind == authorisation?.kind]
        }
        let access = AuditTerms.Access.allCases.map { access -> [String: Any] in
            ["value": access.rawValue, "selected": access == audit?.access,
             "label": (access == .inspections ? LocalizedText(fr: "inspections sur place", en: "on-site inspections")
                : LocalizedText(fr: "informations seulement", en: "information only"))[language]]
        }
        let empties = [ContractTerm?](repeating: nil, count: MoreRows.empties("terms", rows: agreement.terms.count, more: more))
        let rows = (agreement.terms.map(Optional.some) + empties).enumerated().map { index, term -> [String: Any] in
            [
                "index": index, "number": index + 1, "period": term.map { shorthand($0.period) } ?? "", "clause": term?.clause ?? "",
                "kinds": ContractTerm.Kind.allCases.map { ["value": $0.rawValue, "label": $0.label[language], "selected": $0 == term?.kind] },
                "countings": [["value": "", "label": LocalizedText(fr: "non précisé par le contrat", en: "not stated by the contract")[language], "selected": term.map(countingShown) == ""]]
                    + TermCounting.allCases.map { counting -> [String: Any] in
                        ["value": counting.rawValue, "label": counting.label[language], "selected": term.map(countingShown) == counting.rawValue]
                    },
            ]
        }
        return [
            "l": labels.mapValues { $0[language] }, "agreement": ["id": agreement.id, "title": agreement.title],
            "calendar": agreement.calendar ?? "", "authorisationKinds": kinds,
            "authorisationNotice": authorisation?.noticePeriod.map(shorthand) ?? "",
            "authorisationObjection": authorisation?.objectionPeriod.map(shorthand) ?? "",
            "auditNotice": audit?.noticePeriod.map(shorthand) ?? "", "auditAccess": access,
            "auditInvited": audit?.processorInvitedToMeetings ?? false, "auditReports": audit?.reportsShared ?? false,
            "terms": rows, "addRows": MoreRows.label(LocalizedText(fr: "délais", en: "periods"), language),
        ]
    }

    static let labels: [String: LocalizedText] = [
        "newAgreement": LocalizedText(fr: "Nouvel accord de sous-traitance", en: "New processing agreement"),
        "intro": LocalizedText(
            fr: "Un traitement confié à un sous-traitant est encadré par un contrat (art. 28(3)) : le sous-traitant, s'il est nouveau, est créé avec l'accord.",
            en: "Processing entrusted to a processor is governed by a contract (Art. 28(3)): the processor, when new, is created with the agreement."),
        "controller": LocalizedText(fr: "Responsable du traitement", en: "Controller"),
        "title": LocalizedText(fr: "Intitulé de l'accord", en: "Title of the agreement"),
        "signed": LocalizedText(fr: "Signé le (AAAA-MM-JJ)", en: "Signed on (YYYY-MM-DD)"),
        "processorSection": LocalizedText(fr: "Sous-traitant", en: "Processor"),
        "processor": LocalizedText(fr: "Sous-traitant", en: "Processor"),
        "newProcessor": LocalizedText(fr: "nouveau sous-traitant (ci-dessous)", en: "new processor (below)"),
        "processorName": LocalizedText(fr: "Nom du nouveau sous-traitant", en: "Name of the new processor"),
        "processorCountry": LocalizedText(fr: "Pays (code ISO, par exemple FR)", en: "Country (ISO code, e.g. FR)"),
        "processorAddress": LocalizedText(fr: "Adresse", en: "Address"),
        "processorEmail": LocalizedText(fr: "Courriel", en: "Email"),
        "contentSection": LocalizedText(fr: "Objet du contrat (art. 28(3))", en: "What the contract sets out (Art. 28(3))"),
        "subjectMatter": LocalizedText(fr: "Objet", en: "Subject matter"),
        "nature": LocalizedText(fr: "Nature du traitement", en: "Nature of the processing"),
        "purposes": LocalizedText(fr: "Finalités (une par ligne)", en: "Purposes (one a line)"),
        "dataTypes": LocalizedText(fr: "Types de données (un par ligne)", en: "Types of data (one a line)"),
        "dataSubjects": LocalizedText(fr: "Catégories de personnes (une par ligne)", en: "Categories of data subjects (one a line)"),
        "create": LocalizedText(fr: "Créer l'accord", en: "Create the agreement"),
        "terms": LocalizedText(fr: "Conditions de l'accord", en: "Terms of the agreement"),
        "calendar": LocalizedText(fr: "Calendrier des jours fériés du contrat (FR, DE-BY, GB-SCT…)", en: "Holiday calendar of the contract (FR, DE-BY, GB-SCT…)"),
        "authorisationSection": LocalizedText(fr: "Sous-traitants ultérieurs (art. 28(2))", en: "Sub-processors (Art. 28(2))"),
        "authorisation": LocalizedText(fr: "Autorisation", en: "Authorisation"),
        "notRecorded": LocalizedText(fr: "non renseignée", en: "not recorded"),
        "authorisationNotice": LocalizedText(fr: "Délai de prévenance d'un changement (30d, 10wd, 1m…)", en: "Notice of a change (30d, 10wd, 1m…)"),
        "authorisationObjection": LocalizedText(fr: "Délai d'opposition", en: "Objection window"),
        "auditSection": LocalizedText(fr: "Audits (art. 28(3)(h))", en: "Audits (Art. 28(3)(h))"),
        "auditNotice": LocalizedText(fr: "Délai de prévenance d'un audit", en: "Notice of an audit"),
        "auditAccess": LocalizedText(fr: "Motifs et portée de l'audit", en: "Audit grounds and scope"),
        "auditInvited": LocalizedText(fr: "Le sous-traitant est invité aux réunions", en: "The processor is invited to the meetings"),
        "auditReports": LocalizedText(fr: "Les rapports sont partagés", en: "The reports are shared"),
        "termsSection": LocalizedText(fr: "Délais tels que le contrat les énonce", en: "Periods as the contract states them"),
        "termKind": LocalizedText(fr: "Ce que le délai régit", en: "What the period governs"),
        "termPeriod": LocalizedText(fr: "Durée", en: "Length"),
        "termCounting": LocalizedText(fr: "Décompte", en: "Counting"),
        "termClause": LocalizedText(fr: "Clause", en: "Clause"),
        "termNone": LocalizedText(fr: "— aucun —", en: "— none —"),
        "term": LocalizedText(fr: "Délai", en: "Period"),
        "saveTerms": LocalizedText(fr: "Enregistrer les conditions", en: "Save the terms"),
    ]
}
