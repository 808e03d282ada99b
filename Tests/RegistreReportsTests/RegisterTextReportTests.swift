import Foundation
import RegistreCore
import RegistreReports
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("The printed register")
struct RegisterTextReportTests {
    /// Golden files hold the exact text of each sample in each language. To accept a deliberate change of
    /// layout, run the tests once with REGISTRE_UPDATE_GOLDEN=1 and review the diff of `Golden/`.
    static let cases: [(sample: String, language: Language)] = Repository.sampleRegisters.flatMap { sample in
        Language.allCases.map { (sample, $0) }
    }

    @Test("each sample prints exactly as its golden file", arguments: cases)
    func golden(sample: String, language: Language) throws {
        let register = try RegisterReader.read(file: sample)
        let text = RegisterTextReport.render(register, language: language)
        let name = URL(fileURLWithPath: sample).deletingPathExtension().lastPathComponent
        let golden = Repository.path("Tests/RegistreReportsTests/Golden/\(name).\(language.rawValue).txt")
        if ProcessInfo.processInfo.environment["REGISTRE_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: URL(fileURLWithPath: golden))
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(text == expected, "run with REGISTRE_UPDATE_GOLDEN=1 and review the diff if the change is intended")
    }

    @Test("the seed-004 register names the CDG48, the ANCT, every purpose and every retention period", arguments: Language.allCases)
    func suiteTerritorialeContent(language: Language) throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        // Lines are folded at 100 columns: compare with the folds undone.
        let text = RegisterTextReport.render(register, language: language).unfolded
        #expect(text.contains("Centre de gestion de la fonction publique territoriale de la Lozère (CDG48)"))
        #expect(text.contains("Agence nationale de la cohésion des territoires (ANCT)"))
        for activity in register.activities {
            #expect(text.contains(activity.name))
            for purpose in activity.purposes { #expect(text.contains(purpose)) }
            for period in activity.retention {
                switch period.rule {
                case .criterion(let criterion): #expect(text.contains(criterion))
                case .duration(let length, let from):
                    #expect(text.contains("\(length.value) "))
                    if let from { #expect(text.contains(from)) }
                }
            }
        }
    }

    @Test("an empty activity still shows every Art. 30 heading, each marked as not recorded")
    func emptyHeadings() {
        let register = Register(
            organisations: [Organisation(id: "c", name: "Commune")],
            activities: [ProcessingActivity(id: "a", name: "Activité vide", controller: "c")]
        )
        let french = RegisterTextReport.render(register, language: .fr)
        for heading in ["Finalités (art. 30(1)(b))", "Base légale (art. 6(1))", "Catégories de personnes concernées (art. 30(1)(c))",
                        "Catégories de données personnelles (art. 30(1)(c))", "Catégories de destinataires (art. 30(1)(d))",
                        "Transferts hors de l'Espace économique européen (art. 30(1)(e))", "Durées de conservation (art. 30(1)(f))",
                        "Mesures de sécurité (art. 30(1)(g))", "Délégué à la protection des données (DPO) : non renseigné"] {
            #expect(french.contains(heading), "missing: \(heading)")
        }
        #expect(french.components(separatedBy: "non renseigné").count - 1 >= 12)
        let english = RegisterTextReport.render(register, language: .en)
        #expect(english.contains("Purposes (Art. 30(1)(b))\n  not recorded"))
        #expect(!english.contains("non renseigné"))
    }

    @Test("only controllers with activities get a controller section; processors get the Art. 30(2) section")
    func sections() throws {
        let register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        let text = RegisterTextReport.render(register, language: .fr).unfolded
        #expect(!text.contains("RESPONSABLE DU TRAITEMENT : Direction interministérielle du numérique"))
        #expect(text.contains("SOUS-TRAITANT : Agence nationale de la cohésion des territoires (ANCT)"))
        #expect(text.contains("Pour le compte de : Centre de gestion"))
    }

    @Test("dates read as the reader writes them", arguments: [
        (CalendarDate(year: 2026, month: 1, day: 1)!, Language.fr, "1er janvier 2026"),
        (CalendarDate(year: 2026, month: 8, day: 15)!, Language.fr, "15 août 2026"),
        (CalendarDate(year: 2026, month: 1, day: 1)!, Language.en, "1 January 2026"),
    ])
    func dates(date: CalendarDate, language: Language, expected: String) {
        let register = Register(
            organisations: [Organisation(id: "c", name: "Commune")],
            activities: [ProcessingActivity(id: "a", name: "A", created: date, controller: "c")]
        )
        #expect(RegisterTextReport.render(register, language: language).contains(expected))
    }

    @Test("text from the register is printed as written, never HTML-escaped")
    func noEscaping() {
        let register = Register(
            organisations: [Organisation(id: "c", name: "R&D <Commune> \"Test\"")],
            activities: [ProcessingActivity(id: "a", name: "l'état civil & co", controller: "c")]
        )
        let text = RegisterTextReport.render(register, language: .fr)
        #expect(text.contains("R&D <Commune> \"Test\""))
        #expect(text.contains("l'état civil & co"))
        #expect(!text.contains("&amp;") && !text.contains("&#39;"))
    }
}

@Suite("The printed findings")
struct FindingsTextReportTests {
    @Test("one line per finding with code, entry, article and message, then a count", arguments: Language.allCases)
    func lines(language: Language) {
        let findings = RegisterCheck.findings(in: CompleteRegister.with(activity: { $0.purposes = []; $0.recipients = [] }))
        let text = FindingsTextReport.render(findings, source: "r.xml", language: language)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("r.xml: "))
        #expect(lines[0].contains("ART30-1-B-PURPOSES [activity:rdv] Art. 30(1)(b)"))
        #expect(lines[0].contains(findings[0].message[language]))
        #expect(lines[2].contains("2"))
    }

    @Test("a clean register says so")
    func clean() {
        #expect(FindingsTextReport.render([], source: "r.xml", language: .fr) == "r.xml : aucune lacune trouvée.\n")
        #expect(FindingsTextReport.render([], source: "r.xml", language: .en) == "r.xml: no gap found.\n")
    }
}

extension String {
    /// The text with every fold (a line break and the indentation after it) read as one space.
    var unfolded: String {
        replacing(/\n +/, with: " ")
    }
}
