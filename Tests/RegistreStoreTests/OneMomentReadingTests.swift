import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// A command that reads in several steps (the small kinds, then some organisations' activities) reads
/// them in one read transaction: what another process commits between two steps is not half seen.
@Suite("Reading in several steps, as of one moment")
struct OneMomentReadingTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("registre.sqlite")
        let store = try RegisterOfRecord.open(path: path, mode: .createIfNeeded, clock: clock.journal)
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
    }

    /// Another process (its own connection) adds an activity for Mende and renames Mende.
    func changeFromElsewhere() throws {
        let other = try RegisterOfRecord.open(path: path, mode: .existing, clock: clock.journal)
        _ = try other.change(actor: "autre") { edit in
            var mende = try edit.organisation("mende")
            mende.name = "Ville de Mende"
            try edit.save(.organisation(mende))
            try edit.save(.activity(ProcessingActivity(id: "mende-nouveau", name: "Nouveau traitement", status: .draft, controller: "mende")))
        }
    }

    @Test("what is committed between two steps of one reading is seen by neither; the next reading sees all of it")
    func oneMoment() throws {
        let store = try RegisterOfRecord.open(path: path, mode: .readOnly)
        let (name, activities) = try store.read { reading -> (String?, [EntityID]) in
            var organisations: [Organisation] = []
            try reading.entries(only: [.organisation]) { if case .organisation(let value) = $0 { organisations.append(value) } }
            try changeFromElsewhere()
            var activities: [EntityID] = []
            try reading.forEachActivity(controlledBy: "mende") { activities.append($0.id) }
            #expect(try reading.activityCount(controlledBy: "mende") == activities.count)
            return (organisations.first { $0.id == "mende" }?.name, activities)
        }
        #expect(name != "Ville de Mende")
        #expect(!activities.contains("mende-nouveau"))
        #expect(try store.read { reading in
            var ids: [EntityID] = []
            try reading.forEachActivity(recordedBy: "mende") { ids.append($0.id) }
            return ids
        }.contains("mende-nouveau"))
    }
}
