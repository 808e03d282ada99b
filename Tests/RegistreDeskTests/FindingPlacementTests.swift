import Foundation
import RegistreCore
@testable import RegistreDesk
import RegistreTestSupport
import RegistreXML
import Testing

/// An activity's page checks the activity with the parties it concerns only (its controller, joint
/// controllers, processors, their structures, the agreements and records between them): its findings
/// must be exactly those `check` gives that activity on the whole register.
@Suite("Desk: an activity's findings, checked with the parties it concerns")
struct FindingPlacementTests {
    static func expectSameFindings(in register: Register) {
        let whole = RegisterCheck.findings(in: register)
        for activity in register.activities {
            let subject = Finding.Subject(.activity, activity.id)
            #expect(FindingPlacement.findings(for: activity, in: register) == whole.filter { $0.subject == subject }, "\(activity.id)")
        }
    }

    @Test("the samples of the repository", arguments: [Repository.suiteTerritoriale, Repository.incubator])
    func samples(file: String) throws {
        Self.expectSameFindings(in: try RegisterReader.read(file: file))
    }

    @Test("generated registers", arguments: 0..<20)
    func generated(seed: UInt64) {
        var generator = RegisterGenerator(seed: seed)
        Self.expectSameFindings(in: generator.register())
    }
}
