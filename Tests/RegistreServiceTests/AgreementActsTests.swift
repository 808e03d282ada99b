import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import Testing

/// 2026-09-21T14:13:20Z, a Monday: the moment the acts are performed at.
private let monday = Date(timeIntervalSince1970: 1_790_000_000)

@Suite("The acts that bring a processor and its agreement into the register (Art. 28(3))")
struct AgreementActsTests {
    let sample: SampleRegisterOfRecord
    var store: RegisterStore { sample.store }

    init() throws {
        sample = try SampleRegisterOfRecord(at: monday)
    }

    /// A dpo of Mende, as the desk builds its act.
    func mendeDPO() throws -> Acting {
        Acting(actor: "dpo-mende", now: monday, policy: AccessPolicy(role: .dpo, organisations: ["mende"], in: try store.register()))
    }

    func agreement(for controller: EntityID = "mende") -> DataProcessingAgreement {
        DataProcessingAgreement(id: "", title: "Restauration scolaire", controllers: [controller], processor: "", purposes: ["Repas"])
    }

    @Test("a new processor and its agreement are written together, their ids made from their names and kept free")
    func create() throws {
        let first = try AgreementActs(store: store).create(agreement(), processor: .new(Organisation(id: "", name: "Cantine d'Été SARL")), by: mendeDPO())
        #expect(first.processor.id == "cantine-d-ete-sarl")
        #expect(first.agreement.id == "accord-mende-cantine-d-ete-sarl")
        #expect(first.agreement.processor == "cantine-d-ete-sarl")
        // The same processor again, by name: a second organisation and agreement, each with a free id.
        let second = try AgreementActs(store: store).create(agreement(), processor: .new(Organisation(id: "", name: "Cantine d'Été SARL")), by: mendeDPO())
        #expect(second.processor.id == "cantine-d-ete-sarl-2")
        #expect(second.agreement.id == "accord-mende-cantine-d-ete-sarl-2")
        let register = try store.register()
        #expect(register.agreement(first.agreement.id) == first.agreement)
        #expect(try store.journal.entries(entity: first.processor.id).first?.actor == "dpo-mende")
    }

    @Test("refused, and nothing written: another's controller, an unknown processor, the controller as its own processor")
    func refusals() throws {
        let journal = try store.journal.entries().count
        let acts = AgreementActs(store: store)
        #expect(throws: AgreementActs.Refusal.notAllowed) {
            try acts.create(agreement(for: "marvejols"), processor: .new(Organisation(id: "", name: "Intrus")), by: mendeDPO())
        }
        #expect(throws: AgreementActs.Refusal.unknownProcessor("nulle-part")) {
            try acts.create(agreement(), processor: .existing("nulle-part"), by: mendeDPO())
        }
        #expect(throws: AgreementActs.Refusal.processorIsController("mende")) {
            try acts.create(agreement(), processor: .existing("mende"), by: mendeDPO())
        }
        #expect(try store.journal.entries().count == journal)
    }

    @Test("Art. 33(2) fan-out by a dpo: a controller it does not act for is refused, and nothing is written")
    func fanOutOutsideTheAccount() throws {
        let breaches = BreachActs(store: store)
        let dpo = try mendeDPO()
        let opened = try breaches.open(BreachActs.Opening(title: "Fuite chez l'hébergeur", aware: monday.addingTimeInterval(-3600), nature: [.confidentiality], controller: "mende"), by: dpo)
        _ = try breaches.change(opened.breach.id, by: dpo) { $0.agreement = "dpa-suite-territoriale" }
        let journal = try store.journal.entries().count
        #expect(throws: BreachRefusal.notAllowed) {
            try breaches.fanOut(opened.breach.id, told: monday.addingTimeInterval(-1800), asked: ["marvejols"], incident: nil, by: dpo)
        }
        #expect(try store.journal.entries().count == journal)
        // The command line, which holds the database file, acts for every controller.
        let cli = Acting(actor: "cli", now: monday)
        #expect(try breaches.fanOut(opened.breach.id, told: monday.addingTimeInterval(-1800), asked: ["marvejols"], incident: nil, by: cli).count == 1)
    }
}
