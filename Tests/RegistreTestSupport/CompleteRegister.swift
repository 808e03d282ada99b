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

    public static let register = Register(
        title: "Registre complet", organisations: [controller, processor], activities: [activity],
        processorRecords: [processorRecord]
    )

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
