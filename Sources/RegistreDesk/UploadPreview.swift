import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreXML

/// What an uploaded file would do to the register (a dry run of the import), or what it did once
/// confirmed: the entries added and changed, the reader's notes, and for a confirmation the journal
/// entries written. Entries the register holds and the file does not are kept, as `registre import`
/// without `--prune` keeps them.
struct UploadPreview {
    enum Outcome {
        case ready(UploadPreview)
        /// Nothing written: for each field (`file`, `stale`, `general`), why.
        case refused([String: LocalizedText])
    }

    var token: String
    var name: String
    var changes: [JournalEntry]
    /// The reader's notes as `registre import` prints them, in each language.
    var notes: [Language: [String]]
    var imported: RegisterStore.ImportOutcome?

    /// Reads the file kept under `token` with the command line's reader and runs the import on it: as a
    /// dry run for the preview (in a read transaction: no write lock, saves go on while it is computed),
    /// for good when `importing` (after checking the register has not moved since the preview). The revision is compared inside the import's own write transaction
    /// (`expectedRevision`): a change committed after the preview, however shortly before, refuses it.
    static func make(token: String, shelf: UploadShelf, store: RegisterStore, visit: Visit, importing: Bool = false) throws -> Outcome {
        guard let pending = shelf.find(token, login: visit.actor, now: visit.now) else { return .refused(["general": UploadWords.gone]) }
        let register: Register, notes: [Language: [String]]
        do {
            let read = try RegisterFiles.read(file: pending.path, from: pending.origin, keepExample: pending.keepExample)
            register = read.register
            notes = RegisterFiles.lines(of: read.notes, file: pending.name)
        } catch {
            // Located by sheet, line and field in the file the person sent, under the name they gave it.
            let located = error.diagnostics.prefix(20).map { diagnostic in
                var located = diagnostic
                located.file = pending.name
                return located
            }
            return .refused(["file": LocalizedText(
                fr: UploadWords.unreadable.fr + " " + located.map { $0.description(in: .fr) }.joined(separator: " ; "),
                en: UploadWords.unreadable.en + " " + located.map { $0.description(in: .en) }.joined(separator: "; "))])
        }
        if let refusal = try outside(register, store: store, visit: visit) { return .refused(["file": refusal]) }
        let outcome: RegisterStore.ImportOutcome
        do {
            outcome = try store.replace(
                with: register, actor: visit.actor, pruning: .keep, dryRun: !importing,
                expectedRevision: importing ? pending.revision : nil)
        } catch is RegisterMoved {
            return .refused(["stale": UploadWords.stale])
        } catch let error where StoreRefusal.errors(for: error) != nil {
            return .refused(StoreRefusal.errors(for: error) ?? [:])
        }
        return .ready(UploadPreview(
            token: token, name: pending.name, changes: outcome.entries, notes: notes, imported: importing ? outcome : nil))
    }

    /// What of `register` the account may not change, in words; nil when it may change all of it. A dpo
    /// imports the entries of the organisations it keeps, and changes no entry of another under its id.
    /// An organisation the register does not hold is an administrator's to add (as on the organisation
    /// form): the file's new organisations are named first, by their name and the id the file gives them,
    /// with the organisation of the same name the account keeps under another id, if any; the entries
    /// that follow from them (their activities) are not listed again.
    private static func outside(_ register: Register, store: RegisterStore, visit: Visit) throws -> LocalizedText? {
        let policy = visit.policy
        guard !policy.seesWholeRegister else { return nil }
        let unknown = register.organisations.filter { visit.register.organisation($0.id) == nil }
        let unknownIDs = Set(unknown.map(\.id))
        var refused: [LocalizedText] = []
        for entry in register.entries {
            guard case .title = entry else {
                if case .organisation(let organisation) = entry, unknownIDs.contains(organisation.id) { continue }
                if case .activity(let activity) = entry, unknownIDs.contains(activity.controller) { continue }
                let stored = try store.entry(entry.key)
                if !may(entry, policy, visit.register) || stored.map({ !may($0, policy, visit.register) }) == true
                    || changesMembers(entry, stored, policy) {
                    refused.append(entry.key.kind.named(entry.key.id))
                }
                continue
            }
        }
        // The register's title and review period are the whole register's: an administrator's to change.
        if register.title != visit.register.title || register.reviewPeriod != visit.register.reviewPeriod {
            refused.insert(LocalizedText(fr: "le titre ou la période de revue du registre", en: "the register's title or review period"), at: 0)
        }
        var parts: [LocalizedText] = []
        if !unknown.isEmpty { parts.append(newOrganisations(unknown, visit)) }
        if !refused.isEmpty {
            let more = refused.count > 10 ? " …" : ""
            let fr = refused.prefix(10).map(\.fr).joined(separator: ", ") + more, en = refused.prefix(10).map(\.en).joined(separator: ", ") + more
            parts.append(LocalizedText(
                fr: "Ce fichier touche des entrées que votre compte ne peut pas modifier (seul un administrateur les importe) : \(fr).",
                en: "This file touches entries your account may not change (only an administrator imports them): \(en)."))
        }
        guard !parts.isEmpty else { return nil }
        return LocalizedText(fr: parts.map(\.fr).joined(separator: " "), en: parts.map(\.en).joined(separator: " "))
    }

    /// The refusal of a file naming organisations the register does not hold, in words a DPO reads.
    static func newOrganisations(_ organisations: [Organisation], _ visit: Visit) -> LocalizedText {
        let shown = organisations.prefix(5)
        let more = organisations.count > 5 ? " …" : ""
        func named(_ organisation: Organisation, _ language: Language) -> String {
            let sameName = visit.register.organisations.first {
                $0.name.compare(organisation.name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
                    && visit.policy.mayEdit(organisation: $0.id)
            }
            let base = language == .fr
                ? "« \(organisation.name) » (identifiant « \(organisation.id) »)" : "'\(organisation.name)' (id '\(organisation.id)')"
            guard let sameName else { return base }
            return base + (language == .fr
                ? ", que le registre tient sous l'identifiant « \(sameName.id) »" : ", which the register holds under the id '\(sameName.id)'")
        }
        return LocalizedText(
            fr: "Ce fichier nomme des organisations que le registre ne connaît pas : \(shown.map { named($0, .fr) }.joined(separator: ", "))\(more). "
                + "Seul un administrateur ajoute une organisation au registre : demandez-lui d'importer ce fichier, ou de créer l'organisation sous cet identifiant. Rien n'a été importé.",
            en: "This file names organisations the register does not hold: \(shown.map { named($0, .en) }.joined(separator: ", "))\(more). "
                + "Only an administrator adds an organisation to the register: ask one to import this file, or to create the organisation under this id. Nothing was imported.")
    }

    /// Whether the file changes a structure's members, which decide what other accounts may see: an
    /// administrator's to change, as on the organisation form (`RegisterEdits.changeOrganisation`).
    private static func changesMembers(_ entry: RegisterEntry, _ stored: RegisterEntry?, _ policy: AccessPolicy) -> Bool {
        guard case .organisation(let organisation) = entry, !policy.administersAccounts else { return false }
        guard case .organisation(let kept)? = stored else { return !organisation.members.isEmpty }
        return organisation.members != kept.members
    }

    private static func may(_ entry: RegisterEntry, _ policy: AccessPolicy, _ register: Register) -> Bool {
        switch entry {
        case .organisation(let organisation): register.organisation(organisation.id) != nil && policy.mayEdit(organisation: organisation.id)
        case .activity(let activity): policy.mayEdit(activity)
        case .processorRecord(let record): policy.mayEdit(record)
        case .agreement(let agreement): policy.mayEdit(agreement)
        case .audit(let audit): policy.mayEdit(audit)
        case .breach(let breach): policy.mayEdit(breach)
        default: false
        }
    }

    func view(_ language: Language) -> [String: Any] {
        func rows(_ change: JournalEntry.Change) -> [[String: Any]] {
            changes.filter { $0.change == change }.map { ["kind": $0.entity.kind.noun[language], "id": $0.entity.id] }
        }
        var view: [String: Any] = [
            "token": token, "name": name,
            "created": rows(.created), "updated": rows(.updated),
            "createdCount": changes.filter { $0.change == .created }.count, "updatedCount": changes.filter { $0.change == .updated }.count,
            "notes": notes[language] ?? [], "unchanged": changes.isEmpty, "hasNotes": !(notes[language] ?? []).isEmpty,
            "done": imported != nil,
        ]
        if let first = imported?.firstSequence, let last = imported?.lastSequence {
            view["journal"] = LocalizedText(fr: "journal n° \(first) à \(last)", en: "journal #\(first) to #\(last)")[language]
        }
        return view
    }
}
