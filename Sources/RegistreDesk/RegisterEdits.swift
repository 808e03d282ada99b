import Foundation
import RegistreCore
import RegistreStore

/// The desk's one way of changing the register: every page that saves goes through here, so that moving
/// to the store's point writes is a change of this file alone.
///
/// Today it rebuilds the register with the entry put or taken out and lets `replace` journal the
/// difference (one entry changed, one journal line). The register it starts from is the one the visit
/// read; a change the CLI made between that read and this write would be undone, which the point writes
/// (one BEGIN IMMEDIATE transaction from read to write) remove.
struct RegisterEdits {
    let store: RegisterStore
    let clock: DeskClock

    /// Puts `activity` in the register in place of the one with its id, or adds it after the others.
    func save(_ activity: ProcessingActivity, in register: Register, actor: String) throws {
        var changed = register
        if let index = changed.activities.firstIndex(where: { $0.id == activity.id }) {
            changed.activities[index] = activity
        } else {
            changed.activities.append(activity)
        }
        _ = try store.replace(with: changed, actor: actor, at: clock.journalMoment())
    }

    func save(_ breach: Breach, in register: Register, actor: String) throws {
        var changed = register
        if let index = changed.breaches.firstIndex(where: { $0.id == breach.id }) {
            changed.breaches[index] = breach
        } else {
            changed.breaches.append(breach)
        }
        _ = try store.replace(with: changed, actor: actor, at: clock.journalMoment())
    }

    func deleteActivity(_ id: EntityID, in register: Register, actor: String) throws {
        var changed = register
        changed.activities.removeAll { $0.id == id }
        _ = try store.replace(with: changed, actor: actor, at: clock.journalMoment())
    }
}
