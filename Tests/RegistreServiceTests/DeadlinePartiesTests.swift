import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// 2026-09-21T14:13:20Z, a Monday.
private let monday = Date(timeIntervalSince1970: 1_790_000_000)

/// `deadlines` on a database reads only the organisations its entries name (and their members): the
/// schedule looks organisations up by id, so it must give the deadlines the whole register gives, for
/// the register and for each organisation.
@Suite("The organisations the deadlines read")
struct DeadlinePartiesTests {
    static func store(with register: Register, in scratch: ScratchDirectory) throws -> RegisterStore {
        let store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: .fixed(monday))
        _ = try store.replace(with: register, actor: "test")
        return store
    }

    @Test("the same deadlines as with every organisation: the samples and generated registers", arguments: 0..<14)
    func same(seed: Int) throws {
        let register: Register
        if seed < Repository.sampleRegisters.count {
            register = try RegisterReader.read(file: Repository.sampleRegisters[seed])
        } else {
            var generator = RegisterGenerator(seed: UInt64(seed))
            register = generator.register()
        }
        let scratch = try ScratchDirectory()
        let store = try Self.store(with: register, in: scratch)
        let every = try RegisterDeadlines.register(of: store)
        let named = try RegisterDeadlines.register(of: store, namedOnly: [])
        #expect(Set(named.organisations.map(\.id)).isSubset(of: Set(every.organisations.map(\.id))))
        for now in [monday, monday.addingTimeInterval(400 * 86_400)] {
            #expect(RegisterDeadlines.scheduled(in: named, now: now) == RegisterDeadlines.scheduled(in: every, now: now))
            for organisation in every.organisations {
                #expect(RegisterDeadlines.scheduled(in: named, now: now, concerning: [organisation.id])
                    == RegisterDeadlines.scheduled(in: every, now: now, concerning: [organisation.id]), "\(organisation.id)")
            }
        }
    }

    @Test("an organisation no entry read names is not read, one asked for is; a structure's members are, in the register's order")
    func parties() throws {
        let obligation = DatedObligation(id: "preavis", description: "Préavis", period: DeadlinePeriod(3, .months), direction: .before,
                                         event: "le terme", eventDate: CalendarDate(year: 2028, month: 12, day: 31))
        let register = Register(
            organisations: [
                Organisation(id: "apart", name: "Sans échéance"),
                Organisation(id: "member", name: "Commune membre"),
                Organisation(id: "structure", name: "Centre de gestion", members: ["member"]),
                Organisation(id: "host", name: "Hébergeur"),
            ],
            agreements: [
                DataProcessingAgreement(id: "dpa", title: "Hébergement", controllers: ["structure"], processor: "host", obligations: [obligation]),
                // An agreement that gives no deadline is not read: nor are the organisations only it names.
                DataProcessingAgreement(id: "quiet", title: "Sans échéance", controllers: ["apart"], processor: "host"),
            ]
        )
        let scratch = try ScratchDirectory()
        let store = try Self.store(with: register, in: scratch)
        #expect(try RegisterDeadlines.register(of: store, namedOnly: []).organisations.map(\.id) == ["member", "structure", "host"])
        #expect(try RegisterDeadlines.register(of: store, namedOnly: ["apart", "nobody"]).organisations.map(\.id)
            == ["apart", "member", "structure", "host"])
        #expect(try RegisterDeadlines.register(of: store).organisations.count == 4)
    }
}
