import Foundation
import RegistreCore
import RegistreStore

/// One request of a signed-in account: who it is, what it may see, the register as it stands, and the
/// language it reads. Built once per request by `Desk.visit(_:)`; every route decides with `policy`.
struct Visit {
    let account: Account
    let policy: AccessPolicy
    let register: Register
    let language: Language
    /// The token every form of this session sends back.
    let csrf: String
    /// The session cookie's value, to sign out.
    let token: String
    let now: Date
    /// Whether the page follows a save (`?saved` on the address the save sent the browser to): the page
    /// then says so, with the number of the journal entry that holds the change.
    var saved = false

    var actor: String { account.login }

    /// Which organisations' entries the store's lists show this account: a condition of their SQL, never
    /// a filter over entries once read. The organisations come from the visit's register, which always
    /// holds every organisation (``Desk/Reading``).
    var visibility: Visibility {
        policy.seesWholeRegister ? .all : .organisations(Set(policy.readableOrganisations(of: register).map(\.id)))
    }
}
