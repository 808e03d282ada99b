import Foundation
import RegistreCore
import RegistreReports
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Contract reports")
struct ContractReportTests {
    let suite: Register
    let incubator: Register

    init() throws {
        suite = try RegisterReader.read(file: Repository.suiteTerritoriale)
        incubator = try RegisterReader.read(file: Repository.incubator)
    }

    @Test("the seed-003 matrix prints as a table no wider than 100 columns", arguments: Language.allCases)
    func matrix(language: Language) throws {
        let text = MatrixTextReport.render(incubator.matrices[0], in: incubator, language: language)
        try expectGolden(text, "matrice-incubateur.\(language.rawValue).txt")
        for line in text.split(separator: "\n") {
            #expect(line.count <= 100, "too wide: \(line)")
        }
        // Every obligation is there, whole: no word was cut.
        let flattened: String = text.replacing(/\s*\|\s*/, with: " ").replacing(/\s+/, with: " ")
        let obligations: [String] = incubator.matrices[0].rows.flatMap { $0.cells.flatMap(\.obligations) }
        let words: [String] = obligations.joined(separator: " ").split(separator: " ").map(String.init)
        for word in words {
            #expect(flattened.contains(word), "missing word: \(word)")
        }
    }

    @Test("the chain of sub-processors", arguments: Language.allCases)
    func subProcessors(language: Language) throws {
        try expectGolden(SubProcessorChainReport.render(suite.agreements[0], in: suite, language: language), "sous-traitants.\(language.rawValue).txt")
    }

    @Test("a chain of two levels is drawn as a tree")
    func chain() {
        var agreement = CompleteRegister.agreement
        agreement.subProcessors.append(SubProcessor(organisation: "commune", engagedBy: "hebergeur", service: "Sauvegarde"))
        let text = SubProcessorChainReport.render(agreement, in: CompleteRegister.register, language: .en)
        #expect(text.contains("└─ Hébergeur SecNumCloud — Hébergement — FR — SecNumCloud\n   └─ Commune de Mende — Sauvegarde"))
    }

    @Test("the audit notice", arguments: Language.allCases)
    func auditNotice(language: Language) throws {
        let text = AuditNoticeReport.render(suite.audits[0], in: suite, language: language)
        try expectGolden(text, "avis-audit.\(language.rawValue).txt")
        #expect(text.unfolded.contains(language == .fr ? "lancement possible à partir du 2 décembre 2026" : "may start from 2 December 2026"))
    }

    @Test("the deadlines of the seed-004 register, soonest first", arguments: Language.allCases)
    func deadlines(language: Language) throws {
        let now = Instant.parse("2026-11-24T12:00", timeZone: Instant.defaultTimeZone)!
        let deadlines = DeadlineSchedule.deadlines(in: suite, now: now)
        #expect(deadlines.map(\.dueDay.iso) == ["2026-12-07", "2026-12-07", "2026-12-16", "2028-06-30", "2028-09-30"])
        try expectGolden(DeadlinesTextReport.render(deadlines, now: now, source: "suite-territoriale-cdg48.xml", language: language), "echeances.\(language.rawValue).txt")
    }
}
