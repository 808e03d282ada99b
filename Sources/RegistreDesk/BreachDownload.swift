import Foundation
import RegistreCore
import RegistreReports
import RegistreXML

/// A breach's notification report as an account downloads it (`/download/breaches/ID.txt|xml`): the bytes
/// of `registre breach report` for whoever reads every activity the breach names, and otherwise the same
/// report without what the account may not learn of another organisation. A breach may name another
/// organisation's activity (an upload or the command line can name one): the text says only that an
/// activity of another organisation is concerned, the XML leaves its reference out; neither carries its
/// id or its name (an account of commune A never learns commune B's ids).
struct BreachDownload {
    let breach: Breach
    /// The breach's controller, agreement and the activities it names (``Desk/Reading/around(_:)``).
    let register: Register
    let now: Date
    /// The activities the breach names that the account may not read.
    let withheld: Set<EntityID>

    init(_ breach: Breach, in register: Register, policy: AccessPolicy, now: Date) {
        self.breach = breach
        self.register = register
        self.now = now
        let activities = Dictionary(register.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // An activity the reading did not find is withheld too: nothing shows that the account may read it.
        withheld = Set(breach.activities.filter { id in activities[id].map(policy.mayRead) != true })
    }

    /// The report in words.
    func text(_ language: Language) -> [UInt8] {
        Array(BreachReport.render(breach, in: register, now: now, language: language, withholding: withheld).utf8)
    }

    /// The report as a document of the register schema, the references the account may not read left out.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write.
    func xml() throws -> [UInt8] {
        var shown = breach
        shown.activities.removeAll { withheld.contains($0) }
        return try BreachReportWriter.report(shown, in: register, now: now)
    }
}
