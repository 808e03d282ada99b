import Foundation
import RegistreTestSupport
import RegistreTestTags
import Testing

/// `breach update` for the facts the decision weighs, the title and nature, the contact, the counts and
/// the timeline; every change prints the decision and the clock as they now stand.
@Suite("registre breach: facts, decision printed, values refused")
struct BreachFactCommandTests {
    let session: CommandSession
    var db: String { session.db }
    let id = "fuite"

    init() throws {
        session = try CommandSession()
        let imported = try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db, "--now", "2026-11-01T09:00"])
        #expect(imported.status == 0, "\(imported.standardError)")
        let opened = try session.registre(["breach", "open", "--title", "Fichier envoyé au mauvais service", "--aware", "2026-11-20T10:00",
                                           "--nature", "confidentiality", "--controller", "mende", "--id", id, "--now", "2026-11-20T10:30",
                                           "--lang", "en", "--db", session.db])
        #expect(opened.standardOutput == "\(id)\n")
        #expect(opened.standardError.contains("72-hour clock : in time"), "\(opened.standardError)")
    }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult {
        try session.registre(arguments + ["--db", db, "--now", "2026-11-20T12:00", "--lang", "en"])
    }

    func exportReadsBack() throws -> Bool {
        let xml = try session.registre(["export", "--format", "xml", "--db", db])
        let file = try session.scratch.write(xml.standardOutput, to: "export-\(UUID().uuidString).xml")
        return try CommandRunner.registre("check", file).status != 2 && CommandRunner.xmllintValidates(file).status == 0
    }

    @Test("assess and update print the decision; a fact that shows the loss unlikely turns 'notify' into 'document only', and says why")
    func decisionPrinted() throws {
        let assessed = try registre("breach", "assess", id, "--data", "simple", "--identification", "limited", "--confidentiality", "known-recipients")
        #expect(assessed.status == 0, "\(assessed.standardError)")
        #expect(assessed.standardOutput.contains("Notify the authority : yes"), "\(assessed.standardOutput)")
        #expect(assessed.standardOutput.contains("Art. 33(1) exempts only a breach unlikely to result in a risk"))
        // Trusted alone does not lower the risk: the recipient must be bound to confidentiality and have
        // returned or deleted the data (EDPB Guidelines 01/2021, §4.2, case no. 09).
        let trustedOnly = try registre("breach", "update", id, "--recipients", "Le service des sports", "--recipients-trust", "trusted")
        #expect(trustedOnly.status == 0, "\(trustedOnly.standardError)")
        #expect(trustedOnly.standardOutput.contains("Notify the authority : yes"), "\(trustedOnly.standardOutput)")
        #expect(trustedOnly.standardOutput.contains("Recipient recorded as trusted, but not shown: bound to confidentiality, data returned or deleted"))
        let trusted = try registre("breach", "update", id, "--recipients-bound", "yes", "--recipients-returned", "yes")
        #expect(trusted.status == 0, "\(trusted.standardError)")
        #expect(trusted.standardOutput.contains("Notify the authority : no"), "\(trusted.standardOutput)")
        #expect(trusted.standardOutput.contains("trusted recipient (Le service des sports), bound to confidentiality, who returned or deleted the data"))
        #expect(trusted.standardOutput.contains("72-hour clock : notification not required"))
        let shown = try registre("breach", "show", id)
        #expect(shown.standardOutput.contains("Recipients : Le service des sports — trusted, bound to confidentiality, data returned"))
        #expect(try exportReadsBack())
    }

    @Test("every fact option is recorded, and the export reads back")
    func everyFact() throws {
        let result = try registre("breach", "update", id, "--encryption", "weak", "--key-compromised", "unknown", "--backup", "yes",
                                  "--hours-to-restore", "6", "--data-lost", "no", "--exfiltration", "possible", "--evidence", "Journaux partiels",
                                  "--vulnerable", "children", "--vulnerable", "patients", "--special-category", "health", "--criminal-data", "no",
                                  "--harm", "none", "--subjects", "about 300", "--records", "250-400")
        #expect(result.status == 0, "\(result.standardError)")
        let shown = try registre("breach", "show", id).standardOutput
        for line in ["Encryption : weak, fate of the key unknown", "Backup and restoration : intact backup, restored in 6 h, nothing lost",
                     "Exfiltration : possible — Journaux partiels", "Vulnerable people : children, patients",
                     "Special categories (Art. 9) : Health data", "Criminal offences (Art. 10) : no", "Harm seen : none",
                     "Approximate number of data subjects : about 300", "Approximate number of records : 250 to 400"] {
            #expect(shown.contains(line), "\(line)\n\(shown)")
        }
        #expect(try exportReadsBack())
    }

    @Test("the facts of round 3 are recorded one at a time, shown, and exported valid: salted hashes, outage impact, phishing, recipients bound, returned, identified")
    func roundThreeFacts() throws {
        let result = try registre("breach", "update", id, "--encryption", "state-of-the-art", "--key-compromised", "no",
                                  "--encryption-form", "salted-hash", "--backup", "no", "--data-lost", "yes", "--outage-impact", "critical",
                                  "--exfiltration", "confirmed", "--usable-for-phishing", "yes",
                                  "--recipients", "M. Martin", "--recipients-trust", "intentions-unknown", "--recipients-identified", "yes",
                                  "--recipients-returned", "yes", "--recipients-bound", "no")
        #expect(result.status == 0, "\(result.standardError)")
        let shown = try registre("breach", "show", id).standardOutput
        for line in ["Encryption : salted hashes, state of the art, salt not compromised", "critical service stopped",
                     "Exfiltration : confirmed, usable for phishing or fraud", "Recipients : M. Martin — intentions unknown, identified"] {
            #expect(shown.contains(line), "\(line)\n\(shown)")
        }
        #expect(try exportReadsBack())
        // A fact that qualifies another the breach does not record yet is refused, and nothing changes.
        #expect(try registre("breach", "open", "--controller", "mende", "--title", "Autre", "--aware", "2026-11-20T11:00",
                             "--nature", "confidentiality", "--id", "autre").status == 0)
        let refused = try registre("breach", "update", "autre", "--recipients-bound", "yes")
        #expect(refused.status == 2, "\(refused.standardOutput)")
        #expect(refused.standardError.contains("give --recipients-trust too"))
    }

    @Test("title and nature change, and the journal keeps both")
    func titleAndNature() throws {
        #expect(try registre("breach", "update", id, "--title", "Fichier consulté par un tiers", "--nature", "confidentiality",
                             "--nature", "integrity").status == 0)
        let history = try session.registre(["history", id, "--db", db]).standardOutput
        #expect(history.contains("Titre : ") && history.contains("Nature : ") && history.contains("Fichier consulté par un tiers"), "\(history)")
        let shown = try registre("breach", "show", id).standardOutput
        #expect(shown.contains("Fichier consulté par un tiers"))
        #expect(shown.contains("Loss of                   : confidentiality, integrity"))
    }

    @Test("contact fields change one at a time; an e-mail with no contact yet asks for the name")
    func contactFields() throws {
        let refused = try registre("breach", "update", id, "--contact-email", "dpo@mende.fr")
        #expect(refused.status == 2, "a fact the breach cannot take as it stands, not a usage error")
        #expect(refused.standardError.contains("give --contact-name too"))
        #expect(try registre("breach", "update", id, "--contact-name", "DPO", "--contact-email", "dpo@mende.fr").status == 0)
        #expect(try registre("breach", "update", id, "--contact-phone", "04 66 00 00 00").status == 0)
        #expect(try registre("breach", "update", id, "--contact-name", "DPO mutualisé").status == 0)
        let shown = try registre("breach", "show", id).standardOutput
        #expect(shown.contains("DPO mutualisé — dpo@mende.fr — 04 66 00"), "\(shown)")  // the report wraps the phone number
    }

    @Test("incoherent timelines are refused with the rule's code, status 2, nothing journaled", .tags(.slow), .skippedInQuickRuns, arguments: [
        ["--occurred-from", "2026-11-19T10:00", "--occurred-to", "2026-11-18T10:00"],
        ["--detected", "2026-11-20T11:00"],
        ["--occurred-from", "2026-11-20T11:00"],
    ])
    func incoherentTimeline(arguments: [String]) throws {
        let before = try session.registre(["history", "--format", "xml", "--db", db]).standardOutput
        let result = try session.registre(["breach", "update", id] + arguments + ["--db", db, "--now", "2026-11-20T12:00", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("BREACH-"), "\(result.standardError)")
        #expect(try session.registre(["history", "--format", "xml", "--db", db]).standardOutput == before)
    }

    @Test("awareness after the moment of the command is refused")
    func awareInFuture() throws {
        let result = try session.registre(["breach", "open", "--title", "Futur", "--aware", "2026-12-01T10:00", "--nature", "integrity",
                                           "--controller", "mende", "--now", "2026-11-20T12:00", "--db", db])
        #expect(result.status == 2)
        #expect(result.standardError.contains("BREACH-AWARE-IN-FUTURE"))
    }

    @Test("whatever the options, the export reads back: random updates, valid or not", .tags(.slow), .skippedInQuickRuns, arguments: [11, 12])
    func exportAlwaysReadsBack(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed))
        let choices: [[String]] = [
            ["--subjects", "-5"], ["--subjects", "about 12"], ["--subjects", "unknown"], ["--records", "9-3"], ["--records", "40"],
            ["--encryption", "state-of-the-art", "--key-compromised", "no"], ["--key-compromised", "yes"], ["--hours-to-restore", "-1"],
            ["--backup", "no"], ["--data-lost", "unknown"], ["--exfiltration", "excluded", "--evidence", "Journaux"], ["--evidence", ""],
            ["--recipients-trust", "hostile"], ["--recipients", "Tiers"], ["--vulnerable", "none"], ["--vulnerable", "aliens"],
            ["--special-category", "health"], ["--harm", "fraud"], ["--criminal-data", "yes"], ["--title", ""], ["--nature", "availability"],
            ["--contact-email", "x@y.fr"], ["--contact-name", "DPO"], ["--detected", "2026-11-21T00:00"], ["--occurred-to", "2026-11-19T00:00"],
            ["--occurred-from", "2026-11-19T12:00"], ["--description", "Fuite\u{01}"],
        ]
        for _ in 0..<12 {
            var arguments: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) { arguments += choices.randomElement(using: &random)! }
            let result = try session.registre(["breach", "update", id] + arguments + ["--db", db, "--now", "2026-11-20T12:00"])
            #expect([0, 2, 64].contains(result.status), "\(arguments): \(result.standardError)")
            #expect(try exportReadsBack(), "after \(arguments)")
        }
    }

    @Test("fan-out opens the breach of every other controller of the processor's agreement, each with its own clock, once")
    func fanOut() throws {
        #expect(try registre("breach", "update", id, "--dpa", "dpa-suite-territoriale", "--detected", "2026-11-20T09:00",
                             "--exfiltration", "possible").status == 0)
        let result = try registre("breach", "fan-out", id, "--processor-notified", "2026-11-20T11:00", "--incident", "ANCT-2026-14")
        #expect(result.status == 0, "\(result.standardError)")
        for controller in ["cdg48", "marvejols", "ccas-mende"] {
            #expect(result.standardOutput.contains("\(id)-\(controller) — Fichier envoyé au mauvais service"), "\(result.standardOutput)")
        }
        #expect(result.standardOutput.contains("72-hour clock : in time — 2026-11-23 11:00 (Europe/Paris)"))
        let shown = try registre("breach", "show", "\(id)-marvejols").standardOutput
        #expect(shown.contains("Processor's incident reference : ANCT-2026-14"))
        #expect(shown.contains("Exfiltration : possible"))
        let again = try registre("breach", "fan-out", id, "--processor-notified", "2026-11-20T11:00")
        #expect(again.status == 0 && again.standardOutput.isEmpty, "\(again.standardOutput)")
        let refused = try registre("breach", "fan-out", id, "--processor-notified", "2026-11-20T11:00", "--controller", "marvejols", "--lang", "en")
        #expect(refused.status == 3)
        #expect(refused.standardError.contains("already has breach"))
        #expect(try exportReadsBack())
    }
}
