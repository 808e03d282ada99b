import Foundation
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreService
import RegistreStore

/// The desk's fixture with a structure worth the name: the centre de gestion serves both communes, offers
/// a model activity, and Florac has its own DPO account (`dpo-florac`), so that each member's account can
/// be told apart from the other's and from the structure's.
struct StructureFixture: @unchecked Sendable {
    let base: DeskFixture
    var store: RegisterStore { base.store }
    var desk: Desk { base.desk }

    static let model = "cdg-modele"

    init() throws {
        base = try DeskFixture()
        var cdg = DeskFixture.cdg
        cdg.members = ["mende", "florac"]
        var model = DeskFixture.activity(Self.model, "Messagerie mutualisée", of: "cdg48")
        model.modelRole = .model
        _ = try base.store.change(actor: "setup") { edit in
            try edit.save(.organisation(cdg))
            try edit.save(.activity(model))
        }
        try base.store.accounts.add(
            Account(login: "dpo-florac", role: .dpo, organisations: ["florac"], passwordHash: Passwords.hash(DeskFixture.password, cost: 4)),
            actor: "setup", at: friday.addingTimeInterval(-86_400))
    }

    var journalCount: Int { base.journalCount }

    func run(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await base.run(test)
    }

    /// The activity `id` as stored.
    func activity(_ id: EntityID) throws -> ProcessingActivity? {
        guard case .activity(let activity)? = try store.read({ try $0.entry(EntityKey(.activity, id)) }) else { return nil }
        return activity
    }
}
