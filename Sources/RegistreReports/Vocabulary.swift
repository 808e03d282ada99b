public import RegistreCore

/// The words a printed register uses for the values of the model, in each language, with the article each
/// comes from where it has one. Kept apart from the templates so that one table serves every report.
public enum Vocabulary {
    /// The name of a lawful basis of Art. 6(1).
    public static func label(_ basis: LawfulBasis) -> LocalizedText {
        switch basis {
        case .consent: LocalizedText(fr: "Consentement", en: "Consent")
        case .contract: LocalizedText(fr: "Exécution d'un contrat", en: "Performance of a contract")
        case .legalObligation: LocalizedText(fr: "Obligation légale", en: "Legal obligation")
        case .vitalInterests: LocalizedText(fr: "Sauvegarde des intérêts vitaux", en: "Vital interests")
        case .publicTask: LocalizedText(fr: "Mission d'intérêt public ou exercice de l'autorité publique", en: "Public task or official authority")
        case .legitimateInterests: LocalizedText(fr: "Intérêts légitimes", en: "Legitimate interests")
        }
    }

    /// The name of a special category of Art. 9(1).
    public static func label(_ category: SpecialCategory) -> LocalizedText {
        switch category {
        case .racialOrEthnicOrigin: LocalizedText(fr: "Origine raciale ou ethnique", en: "Racial or ethnic origin")
        case .politicalOpinions: LocalizedText(fr: "Opinions politiques", en: "Political opinions")
        case .religiousOrPhilosophicalBeliefs: LocalizedText(fr: "Convictions religieuses ou philosophiques", en: "Religious or philosophical beliefs")
        case .tradeUnionMembership: LocalizedText(fr: "Appartenance syndicale", en: "Trade union membership")
        case .geneticData: LocalizedText(fr: "Données génétiques", en: "Genetic data")
        case .biometricData: LocalizedText(fr: "Données biométriques", en: "Biometric data")
        case .health: LocalizedText(fr: "Données de santé", en: "Health data")
        case .sexLifeOrSexualOrientation: LocalizedText(fr: "Vie sexuelle ou orientation sexuelle", en: "Sex life or sexual orientation")
        }
    }

    /// The name of a kind of `Recipient`.
    public static func label(_ kind: Recipient.Kind) -> LocalizedText {
        switch kind {
        case .internal: LocalizedText(fr: "destinataire interne", en: "internal recipient")
        case .external: LocalizedText(fr: "organisme externe", en: "external organisation")
        case .processor: LocalizedText(fr: "sous-traitant", en: "processor")
        case .publicAuthority: LocalizedText(fr: "autorité publique", en: "public authority")
        }
    }

    /// The name of a safeguard of Chapter V.
    public static func label(_ safeguard: Transfer.Safeguard) -> LocalizedText {
        switch safeguard {
        case .adequacyDecision: LocalizedText(fr: "Décision d'adéquation", en: "Adequacy decision")
        case .legallyBindingInstrument: LocalizedText(fr: "Instrument juridiquement contraignant entre autorités publiques", en: "Legally binding instrument between public authorities")
        case .bindingCorporateRules: LocalizedText(fr: "Règles d'entreprise contraignantes", en: "Binding corporate rules")
        case .standardContractualClauses: LocalizedText(fr: "Clauses contractuelles types de la Commission", en: "Commission standard contractual clauses")
        case .codeOfConduct: LocalizedText(fr: "Code de conduite", en: "Code of conduct")
        case .certification: LocalizedText(fr: "Mécanisme de certification", en: "Certification mechanism")
        case .adHocContractualClauses: LocalizedText(fr: "Clauses contractuelles ad hoc autorisées", en: "Authorised ad hoc contractual clauses")
        case .administrativeArrangement: LocalizedText(fr: "Arrangement administratif autorisé", en: "Authorised administrative arrangement")
        case .derogation: LocalizedText(fr: "Dérogation pour situation particulière", en: "Derogation for a specific situation")
        case .compellingLegitimateInterests: LocalizedText(fr: "Intérêts légitimes impérieux", en: "Compelling legitimate interests")
        }
    }

    /// The name of a family of security measures.
    public static func label(_ kind: SecurityMeasure.Kind) -> LocalizedText {
        switch kind {
        case .accessControl: LocalizedText(fr: "Contrôle d'accès des utilisateurs", en: "User access control")
        case .traceability: LocalizedText(fr: "Traçabilité", en: "Traceability")
        case .softwareProtection: LocalizedText(fr: "Protection des logiciels", en: "Software protection")
        case .backup: LocalizedText(fr: "Sauvegarde des données", en: "Data backup")
        case .encryption: LocalizedText(fr: "Chiffrement des données", en: "Data encryption")
        case .processorControl: LocalizedText(fr: "Contrôle des sous-traitants", en: "Control of processors")
        case .physicalSecurity: LocalizedText(fr: "Sécurité physique", en: "Physical security")
        case .other: LocalizedText(fr: "Autres mesures", en: "Other measures")
        }
    }

    /// The name of a criterion of the EDPB's DPIA guidelines.
    public static func label(_ criterion: ImpactAssessment.Criterion) -> LocalizedText {
        criterion.words
    }

    /// The point of Art. 28 a clause fulfils, as the printed register names it.
    public static func label(_ kind: AgreementClause.Kind) -> LocalizedText {
        switch kind {
        case .instructions: LocalizedText(fr: "instructions documentées", en: "documented instructions")
        case .confidentiality: LocalizedText(fr: "confidentialité des personnes autorisées", en: "confidentiality of authorised persons")
        case .security: LocalizedText(fr: "mesures de sécurité de l'art. 32", en: "Art. 32 security measures")
        case .subProcessing: LocalizedText(fr: "conditions de recours à un sous-traitant ultérieur", en: "conditions for engaging a sub-processor")
        case .dataSubjectRights: LocalizedText(fr: "aide aux demandes des personnes", en: "assistance with data subjects' requests")
        case .assistance: LocalizedText(fr: "aide aux obligations des art. 32 à 36", en: "assistance with Arts 32 to 36")
        case .endOfServices: LocalizedText(fr: "suppression ou restitution en fin de service", en: "deletion or return at the end of the services")
        case .audits: LocalizedText(fr: "informations et audits, inspections comprises", en: "information and audits, inspections included")
        case .subProcessorAuthorisation: LocalizedText(fr: "autorisation des sous-traitants ultérieurs", en: "authorisation of sub-processors")
        case .flowDown: LocalizedText(fr: "mêmes obligations pour les sous-traitants ultérieurs", en: "same obligations for sub-processors")
        }
    }

    /// The name of a kind of change of sub-processor.
    public static func label(_ kind: SubProcessorChange.Kind) -> LocalizedText {
        switch kind {
        case .addition: LocalizedText(fr: "ajout", en: "addition")
        case .replacement: LocalizedText(fr: "remplacement", en: "replacement")
        }
    }

    /// Whether a dated obligation falls before or after its event.
    public static func label(_ direction: DatedObligation.Direction) -> LocalizedText {
        switch direction {
        case .before: LocalizedText(fr: "avant", en: "before")
        case .after: LocalizedText(fr: "après", en: "after")
        }
    }

    /// The name of an event that lifts an audit frequency cap.
    public static func label(_ exception: ContractTerm.CapException) -> LocalizedText {
        switch exception {
        case .afterBreach: LocalizedText(fr: "après une violation", en: "after a breach")
        case .authorityRequest: LocalizedText(fr: "à la demande de l'autorité", en: "at the authority's request")
        }
    }

    /// The name of the state of a DPIA.
    public static func label(_ status: ImpactAssessment.Status) -> LocalizedText {
        switch status {
        case .notRequired: LocalizedText(fr: "non requise", en: "not required")
        case .required: LocalizedText(fr: "requise, non commencée", en: "required, not started")
        case .inProgress: LocalizedText(fr: "en cours", en: "in progress")
        case .done: LocalizedText(fr: "réalisée", en: "done")
        }
    }

    /// The name of the state of an activity.
    public static func label(_ status: ProcessingActivity.Status) -> LocalizedText {
        switch status {
        case .draft: LocalizedText(fr: "brouillon", en: "draft")
        case .active: LocalizedText(fr: "en vigueur", en: "active")
        case .retired: LocalizedText(fr: "clos", en: "retired")
        }
    }

    /// The name of a finding's severity.
    public static func label(_ severity: Finding.Severity) -> LocalizedText {
        switch severity {
        case .error: LocalizedText(fr: "erreur", en: "error")
        case .warning: LocalizedText(fr: "avertissement", en: "warning")
        case .info: LocalizedText(fr: "information", en: "info")
        }
    }

    /// The name of a journal entry's change: created, updated, deleted.
    public static func label(_ change: JournalEntry.Change) -> LocalizedText {
        switch change {
        case .created: LocalizedText(fr: "création", en: "created")
        case .updated: LocalizedText(fr: "modification", en: "updated")
        case .deleted: LocalizedText(fr: "suppression", en: "deleted")
        }
    }

    /// "Oui" or "Non", "Yes" or "No".
    public static func yesNo(_ value: Bool) -> LocalizedText {
        value ? LocalizedText(fr: "oui", en: "yes") : LocalizedText(fr: "non", en: "no")
    }

    /// The name of a breach's nature (Art. 4(12)).
    public static func label(_ nature: Breach.Nature) -> LocalizedText {
        switch nature {
        case .confidentiality: LocalizedText(fr: "confidentialité", en: "confidentiality")
        case .integrity: LocalizedText(fr: "intégrité", en: "integrity")
        case .availability: LocalizedText(fr: "disponibilité", en: "availability")
        }
    }

    /// The name of a risk tier.
    public static func label(_ level: RiskLevel) -> LocalizedText {
        switch level {
        case .unlikely: LocalizedText(fr: "risque improbable : documenter la violation seulement (art. 33(5))",
                                      en: "unlikely to result in a risk: document only (Art. 33(5))")
        case .risk: LocalizedText(fr: "risque : notifier l'autorité de contrôle (art. 33(1))",
                                  en: "risk: notify the supervisory authority (Art. 33(1))")
        case .high: LocalizedText(fr: "risque élevé : notifier l'autorité et informer les personnes (art. 33(1), 34(1))",
                                  en: "high risk: notify the authority and communicate to the data subjects (Art. 33(1), 34(1))")
        }
    }

    /// How a report states where the 72-hour clock stands.
    public static func label(_ clock: BreachDecision.ClockState) -> LocalizedText {
        switch clock {
        case .inTime: LocalizedText(fr: "dans les délais", en: "in time")
        case .dueSoon: LocalizedText(fr: "échéance dans moins de 24 heures", en: "due within 24 hours")
        case .overdue: LocalizedText(fr: "DÉLAI DÉPASSÉ, non notifiée", en: "OVERDUE, not notified")
        case .notifiedInTime: LocalizedText(fr: "notifiée dans les délais", en: "notified in time")
        case .notifiedLate: LocalizedText(fr: "notifiée en retard", en: "notified late")
        case .notRequired: LocalizedText(fr: "notification non requise", en: "notification not required")
        }
    }

    /// The name of an exception of Art. 34(3).
    public static func label(_ exception: SubjectCommunication.Exception) -> LocalizedText {
        switch exception {
        case .unintelligible: LocalizedText(fr: "données rendues incompréhensibles (art. 34(3)(a))", en: "data made unintelligible (Art. 34(3)(a))")
        case .riskNoLongerLikely: LocalizedText(fr: "risque élevé écarté par des mesures ultérieures (art. 34(3)(b))", en: "high risk no longer likely (Art. 34(3)(b))")
        case .disproportionateEffort: LocalizedText(fr: "efforts disproportionnés, communication publique (art. 34(3)(c))", en: "disproportionate effort, public communication (Art. 34(3)(c))")
        }
    }

    static let monthNames = [
        LocalizedText(fr: "janvier", en: "January"), LocalizedText(fr: "février", en: "February"),
        LocalizedText(fr: "mars", en: "March"), LocalizedText(fr: "avril", en: "April"),
        LocalizedText(fr: "mai", en: "May"), LocalizedText(fr: "juin", en: "June"),
        LocalizedText(fr: "juillet", en: "July"), LocalizedText(fr: "août", en: "August"),
        LocalizedText(fr: "septembre", en: "September"), LocalizedText(fr: "octobre", en: "October"),
        LocalizedText(fr: "novembre", en: "November"), LocalizedText(fr: "décembre", en: "December"),
    ]

    /// "1er janvier 2026", "1 January 2026".
    public static func format(_ date: CalendarDate, in language: Language) -> String {
        let month = monthNames[date.month - 1][language]
        switch language {
        case .fr: return "\(date.day == 1 ? "1er" : String(date.day)) \(month) \(date.year)"
        case .en: return "\(date.day) \(month) \(date.year)"
        }
    }
}
