public import Foundation

/// Art. 33(2): a breach at a processor serving several controllers (the ANCT for every member commune
/// of the Suite territoriale) is recorded once, then becomes one breach per controller concerned. Each
/// carries the processor's facts and the incident's reference, and its own 72-hour clock, which runs
/// from the moment the processor told that controller (EDPB Guidelines 9/2022, §II.A.4: the controller
/// is aware once the processor has informed it). The agreement's time limit for the processor's
/// notice is then checked on each of them (`ART33-2-PROCESSOR-LATE`).
public enum ProcessorBreachFanOut {
    /// Why a processor's breach could not be recorded for a controller.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The breach names no agreement, so no processor and no other controller.
        case noAgreement(EntityID)
        /// The controller is not a party to the agreement as a controller.
        case notAController(EntityID, agreement: EntityID)
        /// The controller already has a breach for this incident.
        case alreadyRecorded(controller: EntityID, breach: EntityID)

        /// The refusal in words, with the ids concerned (English): ``message`` in English.
        public var description: String { message.en }

        /// The refusal in words, with the ids concerned, in French and English.
        public var message: LocalizedText {
            switch self {
            case .noAgreement(let id):
                LocalizedText(
                    fr: "la violation « \(id) » ne nomme aucun accord de sous-traitance : les responsables du traitement concernés ne peuvent être connus (art. 33(2))",
                    en: "breach '\(id)' names no processing agreement: the controllers concerned cannot be known (Art. 33(2))")
            case .notAController(let controller, let agreement):
                LocalizedText(
                    fr: "« \(controller) » n'est pas responsable du traitement de l'accord « \(agreement) »",
                    en: "'\(controller)' is not a controller of agreement '\(agreement)'")
            case .alreadyRecorded(let controller, let breach):
                LocalizedText(
                    fr: "« \(controller) » a déjà la violation « \(breach) » pour cet incident",
                    en: "'\(controller)' already has breach '\(breach)' for this incident")
            }
        }
    }

    /// The reference that links the breaches of one incident: the processor's, or else the id of the
    /// breach recorded first.
    public static func incident(of source: Breach) -> String { source.processorIncident ?? source.id }

    /// The id of a controller's breach for the incident: derived from the breach recorded first, so that
    /// fanning out twice finds what it already opened.
    public static func id(for controller: EntityID, from source: Breach) -> EntityID { "\(source.id)-\(controller)" }

    /// The controllers the incident concerns and that have no breach for it yet: those asked for, or
    /// every controller of the agreement.
    public static func controllers(
        concernedBy source: Breach, in register: Register, asked: [EntityID] = []
    ) throws(Refusal) -> [EntityID] {
        guard let id = source.agreement, let agreement = register.agreement(id) else { throw .noAgreement(source.id) }
        let incident = incident(of: source)
        let recorded = register.breaches.filter { $0.id == source.id || $0.processorIncident == incident }
        for controller in asked {
            guard agreement.controllers.contains(controller) else { throw .notAController(controller, agreement: id) }
            if let existing = recorded.first(where: { $0.controller == controller }) {
                throw .alreadyRecorded(controller: controller, breach: existing.id)
            }
        }
        let candidates = asked.isEmpty ? agreement.controllers : asked
        return candidates.filter { controller in !recorded.contains { $0.controller == controller } }
    }

    /// The breach of one controller: the processor's facts, none of the controller's own (its contact,
    /// its counts, its activities, its notifications, its communication), and awareness when told.
    public static func breach(for controller: EntityID, id: EntityID, from source: Breach, told: Date) -> Breach {
        Breach(
            id: id, title: source.title, controller: controller, agreement: source.agreement,
            occurredFrom: source.occurredFrom, occurredTo: source.occurredTo, detected: source.detected, aware: told,
            processorNotifiedController: told, nature: source.nature, description: source.description,
            dataSubjectCategories: source.dataSubjectCategories, dataCategories: source.dataCategories,
            likelyConsequences: source.likelyConsequences, measures: source.measures, assessment: source.assessment,
            encryption: source.encryption, restoration: source.restoration, exfiltration: source.exfiltration,
            disclosure: source.disclosure, vulnerableGroups: source.vulnerableGroups, specialCategories: source.specialCategories,
            criminalOffenceData: source.criminalOffenceData, observedConsequences: source.observedConsequences,
            processorIncident: incident(of: source))
    }
}
