import Foundation
import RegistreTestSupport
import Testing

@Suite("registre check")
struct CheckCommandTests {
    @Test("each sample passes with no error", arguments: Repository.sampleRegisters)
    func samplesPass(_ path: String) throws {
        let result = try CommandRunner.registre("check", path)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(!result.standardOutput.contains(": erreur "))
        #expect(result.standardOutput.contains("aucune lacune trouvée") || result.standardOutput.contains(" : 0 erreur(s)"))
    }

    @Test("the review period the file sets (one month) is the check's, read from the file and from the database (issue 25)")
    func reviewPeriodFromTheFile() throws {
        let scratch = try ScratchDirectory()
        let file = scratch.path("review.xml")
        let sample = try String(contentsOfFile: Repository.incubator, encoding: .utf8)
        let title = try #require(sample.range(of: "</title>\n"))
        try (sample[..<title.upperBound] + "  <review-period value=\"1\" unit=\"months\"/>\n" + sample[title.upperBound...])
            .write(toFile: file, atomically: true, encoding: .utf8)
        // Last reviewed on 30 June 2026: overdue by 1 September under a month, not under the default three years.
        let fromFile = try CommandRunner.registre("check", file, "--now", "2026-09-01T12:00", "--lang", "en")
        #expect(fromFile.standardOutput.contains("warning ART24-1-REVIEW-OVERDUE"), "\(fromFile.standardOutput)\(fromFile.standardError)")
        #expect(fromFile.standardOutput.contains("more than 1 month without review"))
        let sampleCheck = try CommandRunner.registre("check", Repository.incubator, "--now", "2026-09-01T12:00", "--lang", "en")
        #expect(!sampleCheck.standardOutput.contains("ART24-1-REVIEW-OVERDUE"))
        let db = scratch.path("review.sqlite")
        #expect(try CommandRunner.registre("import", file, "--db", db, "--now", "2026-08-01T09:00").status == 0)
        let fromDatabase = try CommandRunner.registre("check", "--db", db, "--now", "2026-09-01T12:00", "--lang", "en")
        #expect(fromDatabase.standardOutput.contains("warning ART24-1-REVIEW-OVERDUE"), "\(fromDatabase.standardOutput)")
        let export = try CommandRunner.registre("export", "--db", db, "--format", "xml")
        #expect(export.standardOutput == (try String(contentsOfFile: file, encoding: .utf8)))
    }

    @Test("removing a required Art. 30 item exits 1 naming the article", arguments: [
        ("<purpose>Permettre aux usagers de prendre rendez-vous avec les services de la mairie (état civil, titres d'identité, urbanisme)</purpose>", "ART30-1-B-PURPOSES", "Art. 30(1)(b)"),
        ("<data-subject>Usagers prenant rendez-vous</data-subject>\n    <data-subject>Agents municipaux recevant les usagers</data-subject>", "ART30-1-C-DATA-SUBJECTS", "Art. 30(1)(c)"),
    ])
    func missingItem(element: String, code: String, article: String) throws {
        let scratch = try ScratchDirectory()
        var text = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
        // The mende-rdv activity has two purposes; remove both for the purposes case.
        text = text.replacingOccurrences(of: element, with: "")
        text = text.replacingOccurrences(of: "<purpose>Rappeler aux usagers leur rendez-vous par SMS ou courriel afin de limiter les rendez-vous non honorés</purpose>", with: "")
        let path = try scratch.write(text, to: "register.xml")
        let result = try CommandRunner.registre("check", path, "--lang", "en")
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("\(code) [activity:mende-rdv] \(article)"), "\(result.standardOutput)")
    }

    @Test("an unreadable input exits 2 with one line naming the file", arguments: [
        ("malformed.xml", "<?xml version=\"1.0\"?>\n<register xmlns=\"urn:registre:1\" version=\"1.0\">\n<title>x</register>\n", ":3:"),
        ("dtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE register [<!ENTITY x \"y\">]>\n<register xmlns=\"urn:registre:1\" version=\"1.0\"/>\n", "DOCTYPE"),
        ("external.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE register [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<register xmlns=\"urn:registre:1\" version=\"1.0\"><title>&x;</title></register>\n", "DOCTYPE"),
    ])
    func unreadable(name: String, content: String, expected: String) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(content, to: name)
        let result = try CommandRunner.registre("check", path)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(lines.first?.hasPrefix(path + ":") == true)
        #expect(result.standardError.contains(expected))
    }

    @Test("a missing file exits 2 naming it")
    func missingFile() throws {
        let result = try CommandRunner.registre("check", "/nonexistent/registre.xml")
        #expect(result.status == 2)
        #expect(result.standardError == "/nonexistent/registre.xml: cannot open: No such file or directory\n")
    }

    @Test("--format xml prints a findings document that xmllint accepts")
    func xmlFindings() throws {
        let scratch = try ScratchDirectory()
        let text = try String(contentsOfFile: Repository.incubator, encoding: .utf8)
            .replacingOccurrences(of: #"<security-measure kind="access-control">Accès réservé à l'équipe de l'Incubateur ; comptes nominatifs</security-measure>"#, with: "")
            .replacingOccurrences(of: #"<security-measure kind="traceability">Journalisation des accès aux outils partagés</security-measure>"#, with: "")
            .replacingOccurrences(of: #"<security-measure kind="other">Ateliers réguliers d'analyse de risques selon la démarche de la DINUM et de l'ANSSI</security-measure>"#, with: "")
        let path = try scratch.write(text, to: "register.xml")
        let result = try CommandRunner.registre("check", path, "--format", "xml")
        #expect(result.status == 1)
        #expect(result.standardOutput.contains(#"code="ART30-1-G-SECURITY""#))
        let report = try scratch.write(result.standardOutput, to: "findings.xml")
        let lint = try CommandRunner.xmllintValidates(report)
        #expect(lint.status == 0, "\(lint.standardError)")
    }
}
