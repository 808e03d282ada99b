import Foundation
import RegistreCore
import RegistreStore
import RegistreXML

/// The desk's one way of changing the register: every page that saves goes through here.
///
/// Each change is one point write (`RegisterStore.change`, one BEGIN IMMEDIATE transaction): the entry as
/// it stands is read again inside the transaction and must still be the account's to change (the CLI may
/// have moved it since the page was shown), then saved after the XML reader's checks, its references and
/// the register's ids, and journaled with the signed-in account as the actor.
struct RegisterEdits {
    let store: RegisterStore

    /// Why a change was not made: nothing was written.
    enum Refusal: Error {
        /// The entry is not, or no longer, the account's to change.
        case notAllowed
        /// What the register refuses, in words for the form.
        case invalid(field: String, LocalizedText)
    }

    /// `isNew`: the form creates an activity, so an entry with its id is another's (ids are unique).
    func save(_ activity: ProcessingActivity, isNew: Bool, by visit: Visit) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            try replace(.activity(activity), isNew: isNew, in: edit) { entry in
                if case .activity(let value) = entry { visit.policy.mayEdit(value) } else { false }
            }
        }
    }

    /// A breach, refused as `registre breach` refuses it when its times cannot have happened (aware in
    /// the future, notified before aware…).
    func save(_ breach: Breach, by visit: Visit) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            if case .breach(let stored)? = try edit.entry(EntityKey(.breach, breach.id)), !visit.policy.mayEdit(stored) {
                throw Refusal.notAllowed
            }
            guard visit.policy.mayEdit(breach) else { throw Refusal.notAllowed }
            // The same refusal as the CLI's: a timeline that cannot have happened is not recorded.
            var around = try edit.register(around: [EntityKey(.organisation, breach.controller)])
            around.breaches = [breach]
            let incoherent = RegisterCheck.findings(in: around, now: visit.now, rules: RegisterCheck.breachTimelineRules)
            guard incoherent.isEmpty else {
                throw Refusal.invalid(field: "general", LocalizedText(
                    fr: incoherent.map { "\($0.article) : \($0.message.fr)" }.joined(separator: " "),
                    en: incoherent.map { "\($0.article): \($0.message.en)" }.joined(separator: " ")))
            }
            try edit.save(.breach(breach))
        }
    }

    /// An agreement whose change notices the account records: the agreement as stored must still be one
    /// the account may change, and `change` is applied to it inside the transaction, so that a notice the
    /// CLI recorded meanwhile is kept.
    func changeAgreement(
        _ id: EntityID, by visit: Visit, _ change: (inout DataProcessingAgreement) throws -> Void
    ) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            guard case .agreement(var stored)? = try edit.entry(EntityKey(.agreement, id)), visit.policy.mayEdit(stored) else {
                throw Refusal.notAllowed
            }
            try change(&stored)
            try edit.save(.agreement(stored))
        }
    }

    /// A new audit (`isNew`: its id must not be used) or an audit's meetings and report.
    func save(_ audit: AuditRequest, isNew: Bool, by visit: Visit) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            try replace(.audit(audit), isNew: isNew, in: edit) { entry in
                if case .audit(let value) = entry { visit.policy.mayEdit(value) } else { false }
            }
        }
    }

    /// A processor's record (Art. 30(2)), still the account's to change as stored.
    func save(_ record: ProcessorRecord, by visit: Visit) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            guard case .processorRecord(let stored)? = try edit.entry(EntityKey(.processorRecord, record.id)), visit.policy.mayEdit(stored),
                  visit.policy.mayEdit(record)
            else { throw Refusal.notAllowed }
            try edit.save(.processorRecord(record))
        }
    }

    /// Only an administrator creates an organisation or changes a structure's members: both change what
    /// other accounts may see.
    func save(_ organisation: Organisation, by visit: Visit) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            if case .organisation(let stored)? = try edit.entry(EntityKey(.organisation, organisation.id)) {
                guard visit.policy.mayEdit(organisation: stored.id) else { throw Refusal.notAllowed }
                guard stored.members == organisation.members || visit.policy.administersAccounts else { throw Refusal.notAllowed }
            } else {
                guard visit.policy.administersAccounts else { throw Refusal.notAllowed }
            }
            try edit.save(.organisation(organisation))
        }
    }

    func deleteActivity(_ id: EntityID, by visit: Visit) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            guard case .activity(let stored)? = try edit.entry(EntityKey(.activity, id)), visit.policy.mayEdit(stored) else {
                throw Refusal.notAllowed
            }
            try edit.delete(EntityKey(.activity, id))
        }
    }

    /// Saves `entry` if the account may change it both as stored (when it is) and as it will be; a new
    /// entry (`isNew`) must take an id no entry uses.
    private func replace(
        _ entry: RegisterEntry, isNew: Bool, in edit: RegisterEdit, mayEdit: (RegisterEntry) -> Bool
    ) throws {
        let key = entry.key
        if isNew, try edit.isUsed(key.id) { throw StoreError.idInUse(key.id) }
        if let stored = try edit.entry(key), !mayEdit(stored) { throw Refusal.notAllowed }
        guard mayEdit(entry) else { throw Refusal.notAllowed }
        try edit.save(entry)
    }

    private func write(by visit: Visit, _ body: (RegisterEdit) throws -> Void) throws -> Result<Void, Refusal> {
        do {
            _ = try store.change(actor: visit.actor, body)
            return .success(())
        } catch let refusal as Refusal {
            return .failure(refusal)
        } catch let error as RegisterReadError {
            let messages = error.diagnostics.map(\.message).joined(separator: " ")
            return .failure(.invalid(field: "general", LocalizedText(
                fr: "Le registre refuse cette valeur (comme le ferait la lecture d'un fichier) : \(messages)",
                en: "The register refuses this value (as reading a file would): \(messages)")))
        } catch StoreError.idInUse(let id) {
            return .failure(.invalid(field: "id", LocalizedText(
                fr: "Identifiant : « \(id) » est déjà utilisé dans le registre.", en: "Identifier: '\(id)' is already used in the register.")))
        } catch StoreError.missingReference(_, let to) {
            return .failure(.invalid(field: "general", LocalizedText(
                fr: "L'entrée nomme « \(to.id) », que le registre ne contient pas.",
                en: "The entry names '\(to.id)', which the register does not hold.")))
        } catch StoreError.stillReferenced(_, let referrer) {
            return .failure(.invalid(field: "general", LocalizedText(
                fr: "Suppression impossible : « \(referrer.id) » nomme cette entrée.",
                en: "Cannot delete: '\(referrer.id)' names this entry.")))
        }
    }
}
