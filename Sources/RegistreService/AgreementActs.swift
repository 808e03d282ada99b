import Foundation
public import RegistreCore
public import RegistreStore

/// The acts that bring a processor and its agreement (Art. 28(3)) into the register: one write
/// transaction in which the processor's organisation is created when it is new, the ids are settled and
/// the agreement is saved, so that an agreement never names a processor that was not written with it.
/// The command line has no such act (its agreements come from a register file); the desk calls this one.
public struct AgreementActs: Sendable {
    /// The register of record the acts change.
    public let store: RegisterStore

    /// The acts on the agreements of `store`.
    public init(store: RegisterStore) {
        self.store = store
    }

    /// The processor of a new agreement: one the register holds, or a new organisation to create with it.
    public enum ProcessorChoice: Sendable {
        /// An organisation of the register.
        case existing(EntityID)
        /// A new organisation (its id empty: made from its name), created in the agreement's transaction.
        case new(Organisation)
    }

    /// Why an agreement was not recorded: nothing was written.
    public enum Refusal: Error, Hashable, Sendable {
        /// The controller is not an organisation of the register.
        case unknownController(EntityID)
        /// The processor named is not an organisation of the register.
        case unknownProcessor(EntityID)
        /// The processor is the controller itself: an organisation is not its own processor (Art. 4(8)).
        case processorIsController(EntityID)
        /// The person may not record agreements of this controller.
        case notAllowed

        /// What was refused, in words for the person who asked.
        public var message: LocalizedText {
            switch self {
            case .unknownController(let id):
                LocalizedText(fr: "aucune organisation « \(id) » dans le registre", en: "no organisation '\(id)' in the register")
            case .unknownProcessor(let id):
                LocalizedText(fr: "aucune organisation « \(id) » dans le registre", en: "no organisation '\(id)' in the register")
            case .processorIsController(let id):
                LocalizedText(
                    fr: "« \(id) » est le responsable du traitement : il ne peut être son propre sous-traitant (art. 4(8))",
                    en: "'\(id)' is the controller: it cannot be its own processor (Art. 4(8))")
            case .notAllowed:
                LocalizedText(
                    fr: "seul qui tient le registre du responsable du traitement enregistre ses accords",
                    en: "only whoever keeps the controller's register records its agreements")
            }
        }
    }

    /// Records `agreement` (its id empty: made from its title) for its first controller, with its
    /// processor, created first when new.
    /// - Parameters:
    ///   - agreement: the agreement; its `processor` is replaced by the one `processor` settles.
    ///   - processor: an organisation of the register, or a new one.
    ///   - acting: who records it, and when; they must be able to act for the agreement's controller.
    /// - Returns: the agreement as saved, and the processor's organisation.
    /// - Throws: ``Refusal``; what the store throws (`StoreError/idInUse(_:)`, the reader's checks).
    public func create(
        _ agreement: DataProcessingAgreement, processor: ProcessorChoice, by acting: Acting
    ) throws -> (agreement: DataProcessingAgreement, processor: Organisation) {
        try store.change(actor: acting.actor, effective: acting.effective) { edit in
            guard let controller = agreement.controllers.first else { throw Refusal.unknownController("") }
            for id in agreement.controllers {
                guard case .organisation? = try edit.entry(EntityKey(.organisation, id)) else { throw Refusal.unknownController(id) }
                guard acting.mayEdit(organisation: id) else { throw Refusal.notAllowed }
            }
            let organisation = try Self.processor(processor, in: edit)
            guard !agreement.controllers.contains(organisation.id) else { throw Refusal.processorIsController(organisation.id) }
            var saved = agreement
            saved.processor = organisation.id
            if saved.id.isEmpty { saved.id = try Self.newID(from: "accord-\(controller)-\(organisation.id)", in: edit) }
            try edit.save(.agreement(saved))
            return (saved, organisation)
        }.value
    }

    /// The processor's organisation: read, or created (its id made from its name when empty).
    private static func processor(_ choice: ProcessorChoice, in edit: RegisterEdit) throws -> Organisation {
        switch choice {
        case .existing(let id):
            guard case .organisation(let organisation)? = try edit.entry(EntityKey(.organisation, id)) else { throw Refusal.unknownProcessor(id) }
            return organisation
        case .new(var organisation):
            if organisation.id.isEmpty { organisation.id = try newID(from: organisation.name, in: edit) }
            try edit.save(.organisation(organisation))
            return organisation
        }
    }

    /// A free id made from `text`: its letters and digits without accents, lower case, joined by '-', then
    /// `-2`, `-3`… until one is free in the register (ids are unique across it).
    static func newID(from text: String, in edit: RegisterEdit) throws -> EntityID {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        let words = folded.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let base = String(words.joined(separator: "-").prefix(100))
        let stem = base.isEmpty ? "organisation" : base
        var candidate = stem, suffix = 1
        while try edit.isUsed(candidate) {
            suffix += 1
            candidate = "\(stem)-\(suffix)"
        }
        return candidate
    }
}
