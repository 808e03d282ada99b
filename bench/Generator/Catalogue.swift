import Foundation
import RegistreCore
import RegistreTestSupport

/// The pieces realistic registers are made of.
enum Catalogue {
    static let processors: [Organisation] = [
        Organisation(id: "anct", name: "Agence nationale de la cohésion des territoires (ANCT)", isPublicBody: true,
                     identifiers: [.siren("130026032")], address: "20 avenue de Ségur, 75007 Paris", country: "FR",
                     dpo: Contact(name: "DPO de l'ANCT", email: "dpo@anct.gouv.fr")),
        Organisation(id: "editeur-paie", name: "Éditeur du logiciel de paie", address: "Lyon", country: "FR",
                     dpo: Contact(name: "DPO de l'éditeur", email: "dpo@editeur-paie.example")),
        Organisation(id: "hebergeur", name: "Hébergeur qualifié SecNumCloud", address: "Paris", country: "FR",
                     dpo: Contact(name: "DPO de l'hébergeur", email: "dpo@hebergeur.example")),
    ]

    /// A commune with a Luhn-valid SIREN built as INSEE builds them: 21, the département, 0, the commune.
    static func commune(_ index: Int) -> Organisation {
        let department = 1 + index % 95
        let number = 1 + index / 95
        let base = String(format: "21%02d0%03d", department, number % 1000)
        let siren = base + String((0...9).first { LegalIdentifierKey.valid(base + String($0)) }!)
        return Organisation(
            id: "commune-\(index)", name: "Commune n° \(index) (\(String(format: "%02d", department)))", isPublicBody: true,
            identifiers: [.siren(siren)], address: "Mairie, place de la République", country: "FR",
            email: "mairie-\(index)@collectivite.fr",
            dpo: Contact(name: "DPO mutualisé", email: "dpo@cdg-\(department).fr"))
    }

    struct Template {
        let name: String
        let purpose: String
        let basis: LawfulBasis
        let reference: String
        let subjects: [String]
        let data: [String]
        let retention: RetentionPeriod
        let processor: EntityID?
    }

    static let templates: [Template] = [
        Template(name: "Tenue des registres de l'état civil", purpose: "Établir et conserver les actes de l'état civil",
                 basis: .legalObligation, reference: "Code civil, art. 34 et suivants", subjects: ["Personnes nées, mariées ou décédées dans la commune"],
                 data: ["État civil", "Filiation"], retention: RetentionPeriod(rule: .criterion("Archivage définitif, Code du patrimoine art. L212-2")), processor: nil),
        Template(name: "Inscriptions à la restauration scolaire", purpose: "Inscrire les enfants et facturer les repas",
                 basis: .publicTask, reference: "CGCT, art. L2121-29", subjects: ["Enfants scolarisés", "Responsables légaux"],
                 data: ["Identité", "Coordonnées", "Allergies déclarées"], retention: RetentionPeriod(rule: .duration(PeriodLength(1, .years), from: "la fin de l'année scolaire")), processor: "anct"),
        Template(name: "Instruction des autorisations d'urbanisme", purpose: "Instruire les demandes de permis et déclarations préalables",
                 basis: .legalObligation, reference: "Code de l'urbanisme, art. R423-1", subjects: ["Pétitionnaires"],
                 data: ["Identité", "Coordonnées", "Données cadastrales"], retention: RetentionPeriod(rule: .duration(PeriodLength(10, .years), from: "la décision")), processor: "hebergeur"),
        Template(name: "Gestion de la paie des agents", purpose: "Calculer et verser la rémunération des agents",
                 basis: .legalObligation, reference: "Code général de la fonction publique", subjects: ["Agents"],
                 data: ["Identité", "NIR", "Coordonnées bancaires", "Rémunération"], retention: RetentionPeriod(rule: .duration(PeriodLength(5, .years), from: "le versement")), processor: "editeur-paie"),
        Template(name: "Prise de rendez-vous en ligne", purpose: "Permettre aux usagers de prendre rendez-vous",
                 basis: .publicTask, reference: "Mission d'accueil des usagers", subjects: ["Usagers"],
                 data: ["Identité", "Téléphone"], retention: RetentionPeriod(rule: .duration(PeriodLength(24, .months), from: "le rendez-vous")), processor: "anct"),
    ]

    static func activity(_ index: Int, controller: EntityID, random: inout SeededRandom) -> ProcessingActivity {
        let template = templates[Int(random.next() % UInt64(templates.count))]
        // One activity in twenty sends data to an American provider, under standard contractual clauses.
        let transfers = random.next() % 20 == 0
            ? [Transfer(recipient: "Prestataire de messagerie électronique", destination: .country("US"), safeguard: .standardContractualClauses)]
            : []
        return ProcessingActivity(
            id: "act-\(index)", name: template.name, status: .active,
            created: CalendarDate(year: 2020 + index % 6, month: 1 + index % 12, day: 1 + index % 28),
            // Reviewed this year, as a kept register is (Art. 24(1)): the benchmark measures a register
            // whose check finds little, not the cost of printing a hundred thousand findings.
            lastReviewed: CalendarDate(year: 2026, month: 1 + index % 10, day: 1 + index % 28),
            controller: controller, purposes: [template.purpose], legalBases: [LegalBasis(template.basis, reference: template.reference)],
            dataSubjects: template.subjects.map { Category($0) }, dataCategories: template.data.map { Category($0) },
            recipients: [Recipient("Services de la commune", kind: .internal)], transfers: transfers, retention: [template.retention],
            securityMeasures: [SecurityMeasure(.accessControl, "Comptes nominatifs et habilitations"), SecurityMeasure(.backup, "Sauvegardes quotidiennes")],
            processors: template.processor.map {
                [ProcessorEngagement(processor: $0, service: "Hébergement et maintenance", agreement: "Convention d'adhésion au service mutualisé")]
            } ?? []
        )
    }

    /// The mutualisation structure whose members the communes are.
    static func structure(members: [EntityID]) -> Organisation {
        Organisation(
            id: "cdg-synthese", name: "Centre de gestion de synthèse", isPublicBody: true, identifiers: [.siren("284800026")],
            address: "Mende", country: "FR", dpo: Contact(name: "DPO mutualisé", email: "dpo@cdg-synthese.fr"), members: members)
    }

    /// One of the structure's models: an activity of the catalogue, numbered, owned by the structure.
    static func model(_ index: Int, structure: EntityID, random: inout SeededRandom) -> ProcessingActivity {
        var model = activity(index, controller: structure, random: &random)
        model.id = "modele-\(index)"
        model.name = "\(model.name) (modèle \(index))"
        model.modelRole = .model
        return model
    }

    /// A member's activity that follows `model`: one in five adds a recipient of its own, one in ten keeps
    /// its own retention period (half of them shorter than the model's).
    static func following(_ model: ProcessingActivity, member: EntityID, random: inout SeededRandom) throws -> ProcessingActivity {
        var activity = try ModelApplication.activity(following: model, for: member, created: CalendarDate(year: 2026, month: 1, day: 5))
        guard var link = activity.modelRole?.link else { return activity }
        if random.next() % 5 == 0 {
            activity.recipients.append(Recipient("Trésorerie municipale", kind: .publicAuthority))
            link.setOwn(.recipients)
        }
        if random.next() % 10 == 0 {
            let shorter = random.next() % 2 == 0
            activity.retention = [RetentionPeriod(rule: .duration(PeriodLength(shorter ? 1 : 50, shorter ? .months : .years), from: "la clôture du dossier"))]
            link.setOwn(.retention)
        }
        activity.modelRole = .follows(link)
        return activity
    }

    /// The structure's agreement with the ANCT, for all its members, with a change of sub-processor still
    /// open to objection.
    static func structureAgreement(_ structure: EntityID) -> DataProcessingAgreement {
        var agreement = agreement(for: structure, processor: "anct")
        agreement.changeNotices = [SubProcessorChange(
            id: "ajout-hebergeur", kind: .addition, subProcessor: "hebergeur", noticeDate: CalendarDate(year: 2026, month: 11, day: 2)!)]
        return agreement
    }

    static func agreement(for controller: EntityID, processor: EntityID) -> DataProcessingAgreement {
        DataProcessingAgreement(
            id: "dpa-\(controller)", title: "Accord de sous-traitance", controllers: [controller], processor: processor,
            term: CalendarDate(year: 2028, month: 12, day: 31), subjectMatter: "Hébergement des services", nature: "Hébergement",
            purposes: ["Finalités fixées par la commune"], dataTypes: ["Données des services"], dataSubjects: ["Usagers et agents"],
            clauses: AgreementClause.Kind.allCases.map { AgreementClause($0, reference: "Art. \($0.rawValue)") },
            subProcessorAuthorisation: SubProcessorAuthorisation(.general, noticePeriod: DeadlinePeriod(30, .days), objectionPeriod: DeadlinePeriod(15, .days)),
            auditTerms: AuditTerms(noticePeriod: DeadlinePeriod(30, .days), processorInvitedToMeetings: true, reportsShared: true),
            breachTerms: BreachNotificationTerms(timeLimit: .withoutUndueDelay, contents: BreachNotificationTerms.Content.allCases)
        )
    }

    static func breach(_ index: Int, controller: EntityID, random: inout SeededRandom) -> Breach {
        let aware = Date(timeIntervalSince1970: 1_735_689_600 + TimeInterval(random.next() % 60_000_000))
        return Breach(
            id: "breach-\(index)", title: "Courriel envoyé au mauvais destinataire", controller: controller, aware: aware,
            nature: [.confidentiality], description: "Pièce jointe adressée à un homonyme",
            dataSubjectCategories: ["Usagers"], subjects: 1, dataCategories: ["Identité"], records: 1,
            contact: Contact(name: "DPO mutualisé", email: "dpo@cdg.fr"), likelyConsequences: "Faible",
            measures: ["Demande de suppression au destinataire"],
            assessment: RiskAssessment(data: [.init(.simple)], identification: .maximum, confidentiality: .knownRecipients),
            notifications: []
        )
    }
}

/// The Luhn key of French identifiers, as the model checks it.
enum LegalIdentifierKey {
    static func valid(_ digits: String) -> Bool {
        (try? LegalIdentifier(scheme: "SIREN", value: digits)) != nil
    }
}
