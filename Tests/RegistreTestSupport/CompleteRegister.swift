public import Foundation
public import RegistreCore

/// A register in which every Art. 30 item is recorded, so that a test can remove one item and see exactly
/// one rule fire, and check that the untouched register is quiet.
public enum CompleteRegister {
    public static let controller = Organisation(
        id: "commune", name: "Commune de Mende", isPublicBody: true,
        identifiers: [.siren("214800955")], address: "Hôtel de ville, 48000 Mende", country: "FR",
        email: "mairie@mende.fr", dpo: Contact(name: "DPO mutualisé", email: "dpo@cdg48.fr")
    )

    public static let processor = Organisation(
        id: "anct", name: "ANCT", isPublicBody: true, identifiers: [.siren("130026032")],
        address: "20 avenue de Ségur, 75007 Paris", country: "FR",
        dpo: Contact(name: "DPO de l'ANCT", email: "dpo@anct.gouv.fr")
    )

    public static let activity = ProcessingActivity(
        id: "rdv", name: "Prise de rendez-vous", status: .active,
        created: CalendarDate(year: 2026, month: 1, day: 5), controller: controller.id,
        purposes: ["Prendre rendez-vous avec les services"],
        legalBases: [LegalBasis(.publicTask, reference: "CGCT")],
        dataSubjects: [Category("Usagers")], dataCategories: [Category("Identité", code: "pd:Identifying")],
        recipients: [Recipient("Agents du service", kind: .internal)],
        retention: [RetentionPeriod(rule: .duration(PeriodLength(24, .months), from: "la date du rendez-vous"))],
        securityMeasures: [SecurityMeasure(.accessControl, "ProConnect")],
        processors: [ProcessorEngagement(processor: processor.id, service: "Hébergement")]
    )

    public static let processorRecord = ProcessorRecord(
        id: "anct-pour-commune", processor: processor.id, controller: controller.id,
        processingCategories: ["Hébergement"], securityMeasures: [SecurityMeasure(.backup, "Sauvegardes")]
    )

    public static let host = Organisation(
        id: "hebergeur", name: "Hébergeur SecNumCloud", address: "Paris", country: "FR",
        dpo: Contact(name: "DPO de l'hébergeur", email: "dpo@hebergeur.example")
    )

    public static let agreement = DataProcessingAgreement(
        id: "dpa", title: "Accord de sous-traitance", controllers: [controller.id], processor: processor.id,
        signed: CalendarDate(year: 2026, month: 1, day: 2), term: CalendarDate(year: 2028, month: 12, day: 31),
        subjectMatter: "Hébergement des services", nature: "Hébergement", purposes: ["Prise de rendez-vous"],
        dataTypes: ["Identité"], dataSubjects: ["Usagers"],
        clauses: AgreementClause.Kind.allCases.map { AgreementClause($0, reference: "Art. \($0.rawValue)") },
        subProcessorAuthorisation: SubProcessorAuthorisation(.general, noticePeriod: DeadlinePeriod(30, .days), objectionPeriod: DeadlinePeriod(15, .days)),
        auditTerms: AuditTerms(noticePeriod: DeadlinePeriod(30, .days), processorInvitedToMeetings: true, reportsShared: true),
        breachTerms: BreachNotificationTerms(timeLimit: .within(DeadlinePeriod(48, .hours)), contents: BreachNotificationTerms.Content.allCases),
        transferTerms: TransferTerms(mechanisms: [.standardContractualClauses], onDocumentedInstructionsOnly: true),
        subProcessors: [SubProcessor(organisation: host.id, engagedBy: processor.id, service: "Hébergement", countries: ["FR"], certifications: ["SecNumCloud"])],
        obligations: [DatedObligation(id: "preavis", description: "Préavis de résiliation", period: DeadlinePeriod(3, .months),
                                      direction: .before, event: "le terme", eventDate: CalendarDate(year: 2028, month: 12, day: 31))]
    )

    public static let matrix = ResponsibilityMatrix(
        id: "matrice", title: "Répartition des responsabilités", agreement: agreement.id,
        parties: [.init(processor.id, role: .processor), .init(controller.id, role: .controller)],
        rows: [
            .init(domain: .breaches, label: "Violation de données", cells: [
                .init(party: processor.id, obligations: ["Alerter sans délai"]),
                .init(party: controller.id, obligations: ["Notifier la CNIL"]),
            ]),
            .init(domain: .territoriality, label: "Territorialité", cells: [
                .init(party: processor.id, obligations: ["Traiter les données en France"]),
            ]),
        ]
    )

    public static let audit = AuditRequest(
        id: "audit", agreement: agreement.id, requester: controller.id, auditee: processor.id,
        notified: CalendarDate(year: 2026, month: 1, day: 10)!, plannedStart: CalendarDate(year: 2026, month: 2, day: 9)!
    )

    /// Aware on Friday 27 March 2026 at 16:30 in Paris, the eve of the change to summer time.
    public static let aware = Instant.parse("2026-03-27T16:30", timeZone: Instant.defaultTimeZone)!

    public static let breach = Breach(
        id: "violation", title: "Hameçonnage d'une boîte de messagerie", controller: controller.id, agreement: agreement.id,
        detected: aware.addingTimeInterval(-3600), aware: aware, processorNotifiedController: aware.addingTimeInterval(-1800),
        nature: [.confidentiality], description: "Identifiants d'un agent dérobés par hameçonnage ; boîte consultée par un tiers",
        dataSubjectCategories: ["Usagers", "Agents"], subjects: 120, dataCategories: ["Identité", "Coordonnées"],
        records: 450, contact: Contact(name: "DPO mutualisé", email: "dpo@cdg48.fr"),
        likelyConsequences: "Hameçonnage ciblé des usagers dont l'adresse figurait dans les messages",
        measures: ["Mot de passe réinitialisé et sessions fermées", "Usagers prévenus du risque d'hameçonnage"],
        activities: [activity.id],
        assessment: RiskAssessment(data: [.init(.behavioural)], identification: .maximum, confidentiality: .knownRecipients, malicious: true),
        notifications: [AuthorityNotification(kind: .initial, at: aware.addingTimeInterval(20 * 3600), reference: "CNIL-2026-0042", complete: true)]
    )

    public static let register = Register(
        title: "Registre complet", organisations: [controller, processor, host], activities: [activity],
        processorRecords: [processorRecord], agreements: [agreement], matrices: [matrix], audits: [audit],
        breaches: [breach]
    )

    /// The complete register with its breach changed.
    public static func with(breach change: (inout Breach) -> Void) -> Register {
        var register = register
        change(&register.breaches[0])
        return register
    }

    /// The complete register with its agreement changed.
    public static func with(agreement change: (inout DataProcessingAgreement) -> Void) -> Register {
        var register = register
        change(&register.agreements[0])
        return register
    }

    /// The complete register with its matrix changed.
    public static func with(matrix change: (inout ResponsibilityMatrix) -> Void) -> Register {
        var register = register
        change(&register.matrices[0])
        return register
    }

    /// The complete register with its audit changed.
    public static func with(audit change: (inout AuditRequest) -> Void) -> Register {
        var register = register
        change(&register.audits[0])
        return register
    }

    /// The complete register with its one activity changed.
    public static func with(activity change: (inout ProcessingActivity) -> Void) -> Register {
        var register = register
        change(&register.activities[0])
        return register
    }

    /// The complete register with its one processor record changed.
    public static func with(processorRecord change: (inout ProcessorRecord) -> Void) -> Register {
        var register = register
        change(&register.processorRecords[0])
        return register
    }

    /// The complete register with one organisation changed.
    public static func with(organisation id: EntityID, _ change: (inout Organisation) -> Void) -> Register {
        var register = register
        if let index = register.organisations.firstIndex(where: { $0.id == id }) {
            change(&register.organisations[index])
        }
        return register
    }
}
