import Foundation
import RegistreTestSupport
import Testing

@Suite("registre breach")
struct BreachCommandTests {
    let session: CommandSession
    var scratch: ScratchDirectory { session.scratch }
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments + ["--db", db]) }

    @Test("open, show the deadline across summer time, assess, notify late, give reasons")
    func lifecycle() throws {
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-03-01T09:00"]).status == 0)
        let opened = try registre("breach", "open", "--title", "Hameçonnage d'une boîte Messages", "--aware", "2026-03-27T16:30",
                                  "--nature", "confidentiality", "--controller", "cdg48", "--now", "2026-03-27T16:45")
        #expect(opened.status == 0, "\(opened.standardError)")
        let id = opened.standardOutput.trimmingCharacters(in: .newlines)
        #expect(id == "breach-20260327-1")

        let shown = try registre("breach", "show", id, "--now", "2026-03-28T09:00", "--lang", "en")
        #expect(shown.standardOutput.contains("72-hour deadline          : 2026-03-30 16:30 (Europe/Paris) — 2026-03-30 14:30 (UTC)"))
        #expect(shown.standardOutput.contains("State                     : in time"))

        #expect(try registre("breach", "assess", id, "--data", "simple:+1", "--identification", "maximum",
                             "--confidentiality", "known-recipients", "--malicious", "--now", "2026-03-28T10:00").status == 0)
        #expect(try registre("breach", "update", id, "--description", "Identifiants dérobés", "--subject-category", "Agents",
                             "--subjects", "12", "--data-category", "Messages", "--records", "300", "--contact-name", "DPO mutualisé",
                             "--contact-email", "dpo@cdg48.fr", "--consequences", "Hameçonnage ciblé",
                             "--measure", "Mot de passe réinitialisé", "--now", "2026-03-28T11:00").status == 0)

        // 73 hours of wall clock after awareness, no reasons: Art. 33(1).
        #expect(try registre("breach", "notify", id, "--at", "2026-03-30T17:30", "--reference", "CNIL-1", "--now", "2026-03-30T17:31").status == 0)
        let late = try registre("check", "--lang", "en", "--now", "2026-03-31T09:00")
        #expect(late.status == 1)
        #expect(late.standardOutput.contains("error ART33-1-LATE-WITHOUT-REASONS [breach:\(id)] Art. 33(1)"))
        #expect(try registre("breach", "update", id, "--delay-reasons", "Périmètre établi le lundi avec l'hébergeur", "--now", "2026-03-31T09:30").status == 0)
        let fixed = try registre("check", "--lang", "en", "--now", "2026-03-31T10:00")
        #expect(!fixed.standardOutput.contains("ART33-1-LATE-WITHOUT-REASONS"))
        #expect(fixed.status == 0, "\(fixed.standardOutput)")

        let report = try registre("breach", "report", id, "--format", "xml", "--now", "2026-03-31T10:00")
        let file = try scratch.write(report.standardOutput, to: "report.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)
        #expect(report.standardOutput.contains("<clock>notified-late</clock>"))

        let history = try registre("history", id)
        #expect(history.standardOutput.contains("Motifs du retard : (absent) → Périmètre établi le lundi avec l'hébergeur"))
        #expect(history.standardOutput.contains("Prise de connaissance : (absent) → 2026-03-27 15:30:00 UTC"))
        #expect(try registre("verify").status == 0)
    }

    @Test("an open breach appears in the deadlines and becomes an error once the 72 hours have run")
    func deadlines() throws {
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-11-01T09:00"]).status == 0)
        try registre("breach", "open", "--title", "Serveur chiffré par rançongiciel", "--aware", "2026-11-23T08:00",
                     "--nature", "availability", "--nature", "confidentiality", "--now", "2026-11-23T08:10")
        let deadlines = try registre("deadlines", "--now", "2026-11-24T12:00", "--lang", "en")
        let lines = deadlines.standardOutput.split(separator: "\n")
        #expect(lines.dropFirst(2).first?.hasPrefix("2026-11-26  upcoming  [breach:breach-20261123-1]") == true, "\(deadlines.standardOutput)")
        let overdue = try registre("check", "--now", "2026-11-26T08:01", "--lang", "en")
        #expect(overdue.status == 1)
        #expect(overdue.standardOutput.contains("ART33-1-OVERDUE"))
        let inTime = try registre("check", "--now", "2026-11-26T07:59", "--lang", "en")
        #expect(!inTime.standardOutput.contains("ART33-1-OVERDUE"))
    }

    @Test("the register of breaches as text and XML")
    func exportBreaches() throws {
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.suiteTerritoriale, "--db", db]).status == 0)
        try registre("breach", "open", "--title", "Perte d'un ordinateur portable", "--aware", "2026-11-20T10:00", "--nature", "availability")
        let text = try registre("export", "breaches", "--format", "text", "--now", "2026-11-24T10:00")
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("REGISTRE DES VIOLATIONS DE DONNÉES (article 33(5) du RGPD) — 1 violation(s)"))
        let xml = try registre("export", "breaches", "--format", "xml")
        let file = try scratch.write(xml.standardOutput, to: "breaches.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)
    }

    @Test("an override needs its justification")
    func overrideNeedsJustification() throws {
        #expect(try CommandRunner.run(CommandRunner.registre, ["import", Repository.suiteTerritoriale, "--db", db]).status == 0)
        try registre("breach", "open", "--title", "Courriel mal adressé", "--aware", "2026-11-20T10:00", "--nature", "confidentiality", "--id", "courriel")
        let refused = try registre("breach", "assess", "courriel", "--data", "simple", "--identification", "maximum", "--override", "no-risk")
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--override and --justification go together"))
    }
}
