import RegistreCore
import RegistreTestSupport
import Testing

@Suite("One organisation's register")
struct RestrictionTests {
    /// Two communes, each with an activity, one joint activity, and a processor.
    var register: Register {
        var register = CompleteRegister.register
        var other = CompleteRegister.controller
        other.id = "voisine"
        other.name = "Commune voisine"
        register.organisations.append(other)
        var theirs = CompleteRegister.activity
        theirs.id = "voisine-cantine"
        theirs.controller = "voisine"
        var joint = CompleteRegister.activity
        joint.id = "voisine-ecole"
        joint.controller = "voisine"
        joint.jointControllers = [.init(organisation: "commune", arrangement: "Convention")]
        register.activities += [theirs, joint]
        register.organisations[0].members = ["voisine", "anct"]
        return register
    }

    @Test("a member's register keeps its activity's values but not the link to a model it does not hold; the structure keeps its model")
    func followedModel() throws {
        var register = register
        register.activities[0].modelRole = .model
        register.activities[0].controller = "commune"
        let model = register.activities[0].id
        register.activities[1].modelRole = .follows(ModelLink(model: model, ownItems: [.retention]))
        let member = register.restricted(to: "voisine")
        #expect(member.activities.map(\.id) == ["voisine-cantine", "voisine-ecole"])
        #expect(member.activities.allSatisfy { $0.modelRole == nil })
        #expect(member.activities[0].purposes == register.activities[1].purposes)
        let structure = register.restricted(to: "commune")
        #expect(structure.activities.first?.isModel == true)
        #expect(structure.activities.contains { $0.followedModel == model } == false)
        var both = register
        both.activities[1].jointControllers = [.init(organisation: "commune")]
        #expect(both.restricted(to: "commune").activities.first { $0.id == "voisine-cantine" }?.followedModel == model,
                "a link to a model the register holds stays")
    }

    @Test("another controller's activity never comes through")
    func onlyOwnActivities() {
        let restricted = register.restricted(to: "commune")
        #expect(restricted.activities.map(\.id) == ["rdv", "voisine-ecole"])
        #expect(!restricted.activities.contains { $0.id == "voisine-cantine" })
    }

    @Test("only the organisations the kept entries name are kept")
    func namedOrganisations() {
        let restricted = register.restricted(to: "voisine")
        #expect(restricted.activities.map(\.id) == ["voisine-cantine", "voisine-ecole"])
        #expect(restricted.organisations.map(\.id) == ["commune", "anct", "voisine"])
        #expect(restricted.processorRecords.isEmpty)
        #expect(restricted.agreements.isEmpty && restricted.matrices.isEmpty && restricted.audits.isEmpty)
    }

    @Test("a processor's register holds its Art. 30(2) records and no one's activities")
    func processorRegister() {
        let restricted = register.restricted(to: "anct")
        #expect(restricted.activities.isEmpty)
        #expect(restricted.processorRecords.map(\.id) == ["anct-pour-commune"])
        #expect(restricted.organisations.map(\.id) == ["commune", "anct", "hebergeur"])
        #expect(restricted.organisations[0].members == ["anct"])
        #expect(restricted.agreements.map(\.id) == ["dpa"])
        #expect(restricted.audits.map(\.id) == ["audit"])
    }
}
