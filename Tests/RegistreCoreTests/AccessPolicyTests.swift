import RegistreCore
import Testing

@Suite("Access policy: who may see and change which organisation")
struct AccessPolicyTests {
    let register = Register(
        organisations: [
            Organisation(id: "cdg48", name: "Centre de gestion", members: ["mende"]),
            Organisation(id: "mende", name: "Mende"),
            Organisation(id: "florac", name: "Florac"),
        ],
        activities: [
            ProcessingActivity(id: "a-mende", name: "A", controller: "mende"),
            ProcessingActivity(id: "a-joint", name: "J", controller: "florac", jointControllers: [.init(organisation: "mende")]),
        ],
        breaches: [Breach(id: "b-florac", title: "B", controller: "florac", aware: .init(timeIntervalSince1970: 0), nature: [.integrity])])

    @Test("an administrator reads and edits everything, the whole register included")
    func admin() {
        let policy = AccessPolicy(role: .admin, organisations: [], in: register)
        #expect(["cdg48", "mende", "florac"].allSatisfy { policy.mayRead(organisation: $0) && policy.mayEdit(organisation: $0) })
        #expect(policy.seesWholeRegister && policy.administersAccounts)
    }

    @Test("a DPO edits what was given and a structure's members, nothing else")
    func dpo() {
        let structure = AccessPolicy(role: .dpo, organisations: ["cdg48"], in: register)
        #expect(structure.mayEdit(organisation: "cdg48") && structure.mayEdit(organisation: "mende"))
        #expect(!structure.mayRead(organisation: "florac"))
        let commune = AccessPolicy(role: .dpo, organisations: ["mende"], in: register)
        #expect(commune.mayEdit(organisation: "mende"))
        #expect(!commune.mayRead(organisation: "cdg48") && !commune.mayRead(organisation: "florac"))
        #expect(!commune.seesWholeRegister && !commune.administersAccounts)
    }

    @Test("a reader reads what was given, not a structure's members, and edits nothing")
    func reader() {
        let policy = AccessPolicy(role: .reader, organisations: ["cdg48"], in: register)
        #expect(policy.mayRead(organisation: "cdg48") && !policy.mayEdit(organisation: "cdg48"))
        #expect(!policy.mayRead(organisation: "mende"))
    }

    @Test("a joint controller reads the activity it shares, but only the controller's account changes it")
    func jointActivity() {
        let policy = AccessPolicy(role: .dpo, organisations: ["mende"], in: register)
        let joint = register.activities[1]
        #expect(policy.mayRead(joint) && !policy.mayEdit(joint))
        #expect(policy.mayRead(EntityKey(.activity, "a-joint"), in: register))
    }

    @Test("entries are read by key as their organisation is: breaches, the register's title, deleted entries")
    func keys() {
        let policy = AccessPolicy(role: .dpo, organisations: ["mende"], in: register)
        #expect(policy.mayRead(EntityKey(.activity, "a-mende"), in: register))
        #expect(!policy.mayRead(EntityKey(.breach, "b-florac"), in: register))
        #expect(!policy.mayRead(EntityKey.register, in: register))
        #expect(!policy.mayRead(EntityKey(.activity, "deleted-long-ago"), in: register))
        #expect(AccessPolicy(role: .admin, organisations: [], in: register).mayRead(EntityKey(.activity, "deleted-long-ago"), in: register))
    }
}
