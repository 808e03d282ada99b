import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Agreements: who reads and changes them, and the objection deadline of a change notice")
struct AgreementAccessTests {
    let register = CompleteRegister.register
    let agreement = CompleteRegister.agreement

    @Test("an agreement and its audit are read through a controller or the processor, changed through a controller only")
    func access() {
        let controller = AccessPolicy(role: .dpo, organisations: [CompleteRegister.controller.id], in: register)
        #expect(controller.mayRead(agreement) && controller.mayEdit(agreement))
        #expect(controller.mayRead(CompleteRegister.audit) && controller.mayEdit(CompleteRegister.audit))
        let processor = AccessPolicy(role: .dpo, organisations: [CompleteRegister.processor.id], in: register)
        #expect(processor.mayRead(agreement) && !processor.mayEdit(agreement))
        #expect(processor.mayRead(CompleteRegister.audit) && !processor.mayEdit(CompleteRegister.audit))
        let reader = AccessPolicy(role: .reader, organisations: [CompleteRegister.controller.id], in: register)
        #expect(reader.mayRead(agreement) && !reader.mayEdit(agreement))
        let stranger = AccessPolicy(role: .dpo, organisations: [CompleteRegister.host.id], in: register)
        #expect(!stranger.mayRead(agreement) && !stranger.mayEdit(agreement) && !stranger.mayRead(CompleteRegister.audit))
    }

    @Test("a notice received on 2 March gives until 17 March to object (15 days), the day `deadlines` lists")
    func objectionDeadline() throws {
        let change = SubProcessorChange(id: "ajout", kind: .addition, subProcessor: "hebergeur", noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!)
        #expect(agreement.objectionDeadline(for: change, in: register)?.iso == "2026-03-17")
        var withChange = register
        withChange.agreements[0].changeNotices = [change]
        let listed = DeadlineSchedule.deadlines(in: withChange, now: CompleteRegister.aware).filter { $0.source.hasPrefix("Art. 28(2)") }
        #expect(listed.map(\.dueDay) == [agreement.objectionDeadline(for: change, in: register)])
    }

    @Test("without an objection period there is no deadline to compute")
    func noObjectionPeriod() {
        var silent = agreement
        silent.subProcessorAuthorisation = SubProcessorAuthorisation(.specific)
        let change = SubProcessorChange(id: "ajout", kind: .addition, subProcessor: "hebergeur", noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!)
        #expect(silent.objectionDeadline(for: change, in: register) == nil)
    }
}
