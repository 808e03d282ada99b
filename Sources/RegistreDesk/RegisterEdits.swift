import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreXML

/// The desk's one way of changing the register: every page that saves goes through here.
///
/// Each change is one point write (`RegisterStore.change`, one BEGIN IMMEDIATE transaction): the entry as
/// it stands is read again inside the transaction and must still be the account's to change (the CLI may
/// have moved it since the page was shown), then saved after the XML reader's checks, its references and
/// the register's ids, and journaled with the signed-in account as the actor.
///
/// A form that edits an entry is a change *applied to the entry as stored* (`change(_:shownAt:…)`): what
/// the form does not show is the stored entry's, read inside the transaction. It carries the version of
/// the entry it showed (`RegisterStore.version(of:)`); a save against a later version is refused with what
/// changed since (`Refusal.conflict`), and nothing is written. A change that changes nothing journals nothing.
struct RegisterEdits {
    let store: RegisterStore

    /// Why a change was not made: nothing was written.
    enum Refusal: Error {
        /// The entry is not, or no longer, the account's to change.
        case notAllowed
        /// What the register refuses, in words for the form.
        case invalid(field: String, LocalizedText)
        /// What the form sent cannot be accepted (field by field); `draft` is the entry as typed, to show again.
        case form([String: LocalizedText], draft: RegisterEntry?)
        /// The entry changed since the form showed it: nothing was written.
        case conflict(EntryConflict)

        /// The refusal as errors at the form's fields.
        var errors: [String: LocalizedText] {
            switch self {
            case .notAllowed: [:]
            case .invalid(let field, let reason): [field: reason]
            case .form(let errors, _): errors
            case .conflict: ["general": Wording.texts["conflictTitle"] ?? LocalizedText(fr: "", en: "")]
            }
        }
    }

    /// Applies `apply` to the entry `key` as it stands inside the write transaction, and saves the result.
    ///
    /// - Parameters:
    ///   - version: the version the form showed (nil or another than the stored one: refused as a conflict,
    ///     with the person's input applied to the entry as it now stands, to show again).
    ///   - checksVersion: false for a form that only adds an item to a list of the entry (a notification, a
    ///     change notice): applied to the list as stored, it overwrites nothing another wrote.
    ///   - value: the entry's value of the expected kind, nil for another kind.
    ///   - mayEdit: whether the account may change the entry as stored, and as it will be.
    ///   - apply: what the form makes of the stored value; it throws `Refusal.form` for what it cannot accept.
    /// - Returns: the value saved (the stored one when nothing changed).
    func change<Value: Equatable>(
        _ key: EntityKey, shownAt version: Int?, checksVersion: Bool = true, by visit: Visit,
        as value: @escaping (RegisterEntry) -> Value?, _ entry: (Value) -> RegisterEntry,
        mayEdit: (_ stored: Value, _ changed: Value) -> Bool, check: (Value, RegisterEdit) throws -> Void = { _, _ in },
        _ apply: (Value) throws -> Value
    ) throws -> Result<Value, Refusal> {
        var saved: Value?
        let outcome = try write(by: visit) { edit in
            guard let found = try edit.entry(key), let stored = value(found), mayEdit(stored, stored) else { throw Refusal.notAllowed }
            let current = try edit.version(of: key)
            guard version == current || !checksVersion else {
                throw Refusal.conflict(EntryConflict(
                    version: current, changes: try edit.journal(of: key, after: version ?? current),
                    draft: try Self.draft(key, shownAt: version, stored: stored, in: edit, as: value, entry, apply)))
            }
            let changed = try apply(stored)
            guard mayEdit(stored, changed) else { throw Refusal.notAllowed }
            saved = changed
            // An unchanged save writes nothing: the journal records only what someone changed.
            guard changed != stored else { return }
            try check(changed, edit)
            try edit.save(entry(changed))
        }
        return outcome.flatMap { saved.map(Result.success) ?? .failure(.notAllowed) }
    }

    /// `isNew`: the form creates an activity, so an entry with its id is another's (ids are unique).
    func save(_ activity: ProcessingActivity, isNew: Bool, by visit: Visit) throws -> Result<Void, Refusal> {
        try write(by: visit) { edit in
            try replace(.activity(activity), isNew: isNew, in: edit) { entry in
                if case .activity(let value) = entry { visit.policy.mayEdit(value) } else { false }
            }
        }
    }

    /// The person's input after a conflict: what they changed from the entry as their form showed it,
    /// carried onto the entry as it now stands (`RegisterEdit.rebase`), so that saving it again re-applies
    /// their changes without undoing the other person's. Without a readable version, their input applied
    /// to the entry as it stands; nil when the form itself is refused.
    private static func draft<Value>(
        _ key: EntityKey, shownAt version: Int?, stored: Value, in edit: RegisterEdit, as value: (RegisterEntry) -> Value?,
        _ entry: (Value) -> RegisterEntry, _ apply: (Value) throws -> Value
    ) throws -> RegisterEntry? {
        guard let version, let shownEntry = try edit.entry(key, asOf: version), let shown = value(shownEntry),
              let mine = try? apply(shown)
        else { return (try? apply(stored)).map(entry) }
        return try RegisterEdit.rebase(entry(mine), from: shownEntry, onto: entry(stored))
    }

    /// A change of a breach the account may change, as stored and as it will be, whose timeline must
    /// still be one that can have happened.
    func changeBreach(
        _ id: EntityID, shownAt version: Int?, checksVersion: Bool = true, by visit: Visit, _ apply: (Breach) throws -> Breach
    ) throws -> Result<Breach, Refusal> {
        try change(
            EntityKey(.breach, id), shownAt: version, checksVersion: checksVersion, by: visit, as: { if case .breach(let value) = $0 { value } else { nil } }, RegisterEntry.breach,
            mayEdit: { visit.policy.mayEdit($0) && visit.policy.mayEdit($1) },
            check: { breach, edit in try Self.checkTimeline(of: breach, in: edit, now: visit.now) }, apply)
    }

    /// The same refusal as the CLI's, by the same rule (`BreachActs.checkTimeline`): a timeline that cannot
    /// have happened is not recorded.
    static func checkTimeline(of breach: Breach, in edit: RegisterEdit, now: Date) throws {
        do {
            _ = try BreachActs.checkTimeline(of: breach, in: edit, now: now)
        } catch BreachRefusal.impossibleTimeline(_, let findings) {
            throw Refusal.invalid(field: "general", LocalizedText(
                fr: findings.map { "\($0.article) : \($0.message.fr)" }.joined(separator: " "),
                en: findings.map { "\($0.article): \($0.message.en)" }.joined(separator: " ")))
        }
    }

    /// The same refusal as `registre audit record`'s, by the same rule (`AuditActs.checkTimeline`): meetings
    /// and a report dated before the audit could have started are not recorded.
    static func checkTimeline(of audit: AuditRequest) throws {
        do {
            try AuditActs.checkTimeline(of: audit)
        } catch let impossible as AuditActs.ImpossibleTimeline {
            throw Refusal.invalid(field: "general", LocalizedText(
                fr: impossible.findings.map { "\($0.article) : \($0.message.fr)" }.joined(separator: " "),
                en: impossible.findings.map { "\($0.article): \($0.message.en)" }.joined(separator: " ")))
        }
    }

    /// A change of an activity the account may change, as stored and as it will be.
    func changeActivity(
        _ id: EntityID, shownAt version: Int?, by visit: Visit, _ apply: (ProcessingActivity) throws -> ProcessingActivity
    ) throws -> Result<ProcessingActivity, Refusal> {
        try change(
            EntityKey(.activity, id), shownAt: version, by: visit, as: { if case .activity(let value) = $0 { value } else { nil } },
            RegisterEntry.activity, mayEdit: { visit.policy.mayEdit($0) && visit.policy.mayEdit($1) }, apply)
    }

    /// A change of a processor's record (Art. 30(2)) the account may change, as stored and as it will be.
    func changeRecord(
        _ id: EntityID, shownAt version: Int?, by visit: Visit, _ apply: (ProcessorRecord) throws -> ProcessorRecord
    ) throws -> Result<ProcessorRecord, Refusal> {
        try change(
            EntityKey(.processorRecord, id), shownAt: version, by: visit,
            as: { if case .processorRecord(let value) = $0 { value } else { nil } }, RegisterEntry.processorRecord,
            mayEdit: { visit.policy.mayEdit($0) && visit.policy.mayEdit($1) }, apply)
    }

    /// A change of an audit's meetings and report.
    func changeAudit(_ id: EntityID, shownAt version: Int?, by visit: Visit, _ apply: (AuditRequest) throws -> AuditRequest) throws -> Result<AuditRequest, Refusal> {
        try change(
            EntityKey(.audit, id), shownAt: version, by: visit, as: { if case .audit(let value) = $0 { value } else { nil } },
            RegisterEntry.audit, mayEdit: { visit.policy.mayEdit($0) && visit.policy.mayEdit($1) },
            check: { audit, _ in try Self.checkTimeline(of: audit) }, apply)
    }

    /// A change of an organisation: only an administrator changes a structure's members, which decide
    /// what other accounts may see.
    func changeOrganisation(
        _ id: EntityID, shownAt version: Int?, by visit: Visit, _ apply: (Organisation) throws -> Organisation
    ) throws -> Result<Organisation, Refusal> {
        try change(
            EntityKey(.organisation, id), shownAt: version, by: visit,
            as: { if case .organisation(let value) = $0 { value } else { nil } }, RegisterEntry.organisation,
            mayEdit: { stored, changed in
                visit.policy.mayEdit(organisation: stored.id) && (stored.members == changed.members || visit.policy.administersAccounts)
            }, apply)
    }

    /// An agreement whose change notices the account records: the agreement as stored must still be one
    /// the account may change, and `apply` is applied to it inside the transaction (with the transaction,
    /// to allocate a notice's id there), so that a notice the CLI recorded meanwhile is kept. A notice is
    /// added to the list as stored and an answer is checked against the outcome its page showed: no
    /// version is needed, nothing another wrote is overwritten.
    func changeAgreement(
        _ id: EntityID, by visit: Visit, _ apply: (inout DataProcessingAgreement, RegisterEdit) throws -> Void
    ) throws -> Result<DataProcessingAgreement, Refusal> {
        var saved: DataProcessingAgreement?
        return try write(by: visit) { edit in
            guard case .agreement(let stored)? = try edit.entry(EntityKey(.agreement, id)), visit.policy.mayEdit(stored) else {
                throw Refusal.notAllowed
            }
            var changed = stored
            try apply(&changed, edit)
            guard visit.policy.mayEdit(changed) else { throw Refusal.notAllowed }
            saved = changed
            guard changed != stored else { return }
            try edit.save(.agreement(changed))
        }.flatMap { saved.map(Result.success) ?? .failure(.notAllowed) }
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
        } catch let error where StoreRefusal.errors(for: error) != nil {
            // What the register refuses (the reader's checks, an id used, a name it does not hold), in the
            // words the desk gives it everywhere.
            return .failure(.form(StoreRefusal.errors(for: error) ?? [:], draft: nil))
        }
    }
}
