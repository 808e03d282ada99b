import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Art. 33(2): a breach at a processor, one breach per controller")
struct ProcessorBreachFanOutTests {
    let aware = CompleteRegister.aware

    /// The complete register with a second controller party to the agreement.
    var register: Register {
        var register = CompleteRegister.register
        register.organisations.append(Organisation(id: "voisine", name: "Commune voisine", isPublicBody: true))
        register.agreements[0].controllers.append("voisine")
        register.breaches[0].encryption = Encryption(.weak, keyCompromised: true)
        return register
    }

    @Test("the other controllers of the agreement, each with the processor's facts and its own clock from when it was told")
    func fanOut() throws {
        let source = register.breaches[0]
        #expect(try ProcessorBreachFanOut.controllers(concernedBy: source, in: register) == ["voisine"])
        let told = aware.addingTimeInterval(30 * 3600)
        let breach = ProcessorBreachFanOut.breach(for: "voisine", id: ProcessorBreachFanOut.id(for: "voisine", from: source), from: source, told: told)
        #expect(breach.id == "violation-voisine")
        #expect(breach.aware == told && breach.processorNotifiedController == told)
        #expect(breach.detected == source.detected)
        #expect(breach.encryption == source.encryption && breach.assessment == source.assessment)
        #expect(breach.processorIncident == "violation")
        #expect(breach.contact == nil && breach.subjects == nil && breach.notifications.isEmpty)
        var with = register
        with.breaches.append(breach)
        let decision = BreachDecision(breach, in: with, now: told)
        #expect(decision.deadline == BreachDecision(source, in: with, now: told).deadline.addingTimeInterval(30 * 3600))
        // Once opened, the controller is no longer to be fanned out to.
        #expect(try ProcessorBreachFanOut.controllers(concernedBy: source, in: with) == [])
    }

    @Test("the processor late for the agreement's time limit is found on the fanned-out breach; in time, it is quiet")
    func processorLate() throws {
        let source = register.breaches[0]  // detected an hour before awareness; the agreement gives 48 hours
        for (hours, late) in [(50.0, true), (40.0, false)] {
            let told = source.detected!.addingTimeInterval(hours * 3600)
            var with = register
            var breach = ProcessorBreachFanOut.breach(for: "voisine", id: "violation-voisine", from: source, told: told)
            breach.notifications = [AuthorityNotification(kind: .initial, at: told.addingTimeInterval(3600), complete: true)]
            breach.contact = Contact(name: "DPO", email: "dpo@voisine.fr")
            breach.subjects = 10
            breach.records = 10
            breach.communication = nil
            with.breaches = [breach]
            let codes = RegisterCheck.findings(in: with).filter { $0.subject.id == "violation-voisine" }.map(\.code)
            #expect(codes.contains(.art33_2_processor_late) == late, "\(hours) h: \(codes)")
        }
    }

    @Test("refused: no agreement, a controller outside it, a controller already recorded")
    func refused() throws {
        var source = register.breaches[0]
        #expect(throws: ProcessorBreachFanOut.Refusal.notAController("ailleurs", agreement: "dpa")) {
            try ProcessorBreachFanOut.controllers(concernedBy: source, in: register, asked: ["ailleurs"])
        }
        #expect(throws: ProcessorBreachFanOut.Refusal.alreadyRecorded(controller: source.controller, breach: "violation")) {
            try ProcessorBreachFanOut.controllers(concernedBy: source, in: register, asked: [source.controller])
        }
        source.agreement = nil
        #expect(throws: ProcessorBreachFanOut.Refusal.noAgreement("violation")) {
            try ProcessorBreachFanOut.controllers(concernedBy: source, in: register)
        }
    }
}
