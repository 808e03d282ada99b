import Foundation
import RegistreTestSupport
import Testing

@Suite("registre audit, deadlines, matrix, subprocessors")
struct ContractCommandTests {
    let session: CommandSession
    var scratch: ScratchDirectory { session.scratch }
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments) }

    /// The seed-004 sample with one line removed.
    func suiteWithout(_ line: String) throws -> String {
        let text = try String(contentsOfFile: Repository.suiteTerritoriale, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.contains(line) }
        #expect(kept.count == lines.count - 1, "the line '\(line)' is not in the sample exactly once")
        return try scratch.write(kept.joined(separator: "\n"), to: "suite.xml")
    }

    @Test("each Art. 28(3) clause removed from the seed-004 agreement makes check exit 1 with its code", arguments: [
        ("28-3-a", "ART28-3-A-INSTRUCTIONS"), ("28-3-b", "ART28-3-B-CONFIDENTIALITY"), ("28-3-c", "ART28-3-C-SECURITY"),
        ("28-3-d", "ART28-3-D-SUB-PROCESSING"), ("28-3-e", "ART28-3-E-DATA-SUBJECT-RIGHTS"), ("28-3-f", "ART28-3-F-ASSISTANCE"),
        ("28-3-g", "ART28-3-G-END-OF-SERVICES"), ("28-3-h", "ART28-3-H-AUDITS"),
    ])
    func missingClause(article: String, code: String) throws {
        let path = try suiteWithout(#"<clause article="\#(article)""#)
        let result = try registre("check", path, "--lang", "en")
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error \(code) [agreement:dpa-suite-territoriale] Art. 28(3)(\(article.suffix(1)))"), "\(result.standardOutput)")
    }

    @Test("an audit 29 days after notice is refused and names the first allowed day; 30 days is accepted")
    func auditRequest() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-11-24T09:00")
        let refused = try registre("audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2027-01-04",
                                   "--start", "2027-02-02", "--db", db, "--now", "2027-01-04T10:00", "--lang", "en")
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("cannot start before 2027-02-03"), "\(refused.standardError)")
        let journal = try registre("history", "--db", db)
        let accepted = try registre("audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2027-01-04",
                                    "--start", "2027-02-03", "--scope", "Visio", "--db", db, "--now", "2027-01-04T10:00", "--actor", "dpo")
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput == "audit-2027-02-03\n")
        #expect(try registre("history", "--db", db).standardOutput != journal.standardOutput)

        let recorded = try registre("audit", "record", "audit-2027-02-03", "--kickoff", "2027-02-03", "--closing", "2027-03-15",
                                    "--report-shared", "2027-04-01", "--db", db, "--now", "2027-04-01T10:00")
        #expect(recorded.status == 0, "\(recorded.standardError)")
        let notice = try registre("audit", "notice", "audit-2027-02-03", "--db", db, "--format", "xml")
        let noticeFile = try scratch.write(notice.standardOutput, to: "notice.xml")
        #expect(try CommandRunner.xmllintValidates(noticeFile).status == 0)
        #expect(notice.standardOutput.contains("<earliest-start>2027-02-03</earliest-start>"))
        #expect(notice.standardOutput.contains("<closing-meeting>2027-03-15</closing-meeting>"))
        #expect(try registre("check", "--db", db).status == 0)
        #expect(try registre("verify", "--db", db).status == 0)
    }

    @Test("audit record refuses meetings and a report out of order with exit 2, each rule named, and saves nothing", arguments: [
        (["--kickoff", "2027-02-10", "--closing", "2027-02-05"], "AUDIT-CLOSING-BEFORE-KICKOFF"),
        (["--kickoff", "2027-01-20"], "AUDIT-KICKOFF-BEFORE-START"),
        (["--report-shared", "2020-06-01"], "AUDIT-REPORT-BEFORE-START"),
    ])
    func auditRecordTimeline(_ dates: [String], code: String) throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-11-24T09:00")
        #expect(try registre("audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2027-01-04",
                             "--start", "2027-02-03", "--db", db, "--now", "2027-01-04T10:00").status == 0)
        let journal = try registre("history", "--db", db).standardOutput
        let refused = try session.registre(["audit", "record", "audit-2027-02-03"] + dates + ["--db", db, "--now", "2027-04-01T10:00", "--lang", "en"])
        #expect(refused.status == 2, "\(refused.standardError)")
        #expect(refused.standardError.contains("\(code) [audit:audit-2027-02-03] Art. 28(3)(h)"), "\(refused.standardError)")
        #expect(try registre("history", "--db", db).standardOutput == journal)
        // In order, the same dates are recorded.
        let accepted = try registre("audit", "record", "audit-2027-02-03", "--kickoff", "2027-02-03", "--closing", "2027-02-03",
                                    "--report-shared", "2027-02-03", "--db", db, "--now", "2027-04-01T10:00")
        #expect(accepted.status == 0, "\(accepted.standardError)")
    }

    @Test("audit request refuses a closing meeting before the kickoff with exit 2")
    func auditRequestTimeline() throws {
        try registre("import", Repository.suiteTerritoriale, "--db", db, "--now", "2026-11-24T09:00")
        let refused = try registre("audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2027-01-04", "--start", "2027-02-03",
                                   "--kickoff", "2027-02-03", "--closing", "2027-02-01", "--db", db, "--now", "2027-01-04T10:00", "--lang", "en")
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("AUDIT-CLOSING-BEFORE-KICKOFF [audit:audit-2027-02-03]"), "\(refused.standardError)")
    }

    @Test("the audit notice is printed from the templates, in both languages")
    func auditNotice() throws {
        let french = try registre("audit", "notice", "audit-anct-2026", Repository.suiteTerritoriale)
        #expect(french.status == 0)
        #expect(french.standardOutput.contains("Objet : notification d'un audit"))
        let english = try registre("audit", "notice", "audit-anct-2026", Repository.suiteTerritoriale, "--lang", "en")
        #expect(english.standardOutput.contains("Subject: notice of an audit"))
    }

    @Test("deadlines soonest first, limited by --within, asked about any moment with --now")
    func deadlines() throws {
        let all = try registre("deadlines", Repository.suiteTerritoriale, "--now", "2026-11-24T12:00", "--format", "xml")
        #expect(all.status == 0)
        let file = try scratch.write(all.standardOutput, to: "deadlines.xml")
        #expect(try CommandRunner.xmllintValidates(file).status == 0)
        #expect(all.standardOutput.components(separatedBy: "<deadline ").count - 1 == 5)
        let soon = try registre("deadlines", Repository.suiteTerritoriale, "--now", "2026-11-24T12:00", "--within", "30d", "--lang", "en")
        #expect(soon.standardOutput.components(separatedBy: "upcoming").count - 1 == 3)
        let later = try registre("deadlines", Repository.suiteTerritoriale, "--now", "2026-12-20T12:00", "--within", "7d", "--lang", "en")
        #expect(later.standardOutput.components(separatedBy: "OVERDUE").count - 1 == 3)
        let wrong = try registre("deadlines", Repository.suiteTerritoriale, "--within", "soon")
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("'soon' is invalid for '--within <duration>'"))
        #expect(wrong.standardError.contains("Usage: registre deadlines"), "the subcommand's usage follows")
    }

    @Test("the seed-003 matrix prints as a table; removing who carries breaches is reported")
    func matrix() throws {
        let table = try registre("matrix", Repository.incubator)
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("Violation de données"))
        #expect(table.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 100 })

        let text = try String(contentsOfFile: Repository.incubator, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains(#"<domain name="breaches">"#) }),
              let end = lines[start...].firstIndex(where: { $0.contains("</domain>") })
        else { Issue.record("no breaches domain in the sample"); return }
        // The controller's obligations gone: the processor alone carries the breaches.
        var withoutController = lines
        withoutController.removeSubrange(start..<end)
        withoutController.insert(contentsOf: lines[start..<end].filter { !$0.contains(#"party="anct""#) }, at: start)
        let one = try scratch.write(withoutController.joined(separator: "\n"), to: "one.xml")
        let controllerDuty = try registre("check", one, "--lang", "en")
        #expect(controllerDuty.status == 1)
        #expect(controllerDuty.standardOutput.contains("MATRIX-CONTROLLER-DUTY [responsibility-matrix:matrice-incubateur]"))
        #expect(controllerDuty.standardOutput.contains("'Violation de données' is carried by no controller"))
        // Every party gone: the domain is carried by no one.
        var withoutAnyone = lines
        withoutAnyone.removeSubrange(start..<end)
        withoutAnyone.insert(contentsOf: lines[start..<end].filter { !$0.contains("<obligation") }, at: start)
        let none = try scratch.write(withoutAnyone.joined(separator: "\n"), to: "none.xml")
        let uncarried = try registre("check", none, "--lang", "en")
        #expect(uncarried.status == 1)
        #expect(uncarried.standardOutput.contains("MATRIX-DOMAIN-UNCARRIED"))
        #expect(uncarried.standardOutput.contains("'Violation de données' is carried by no party"))
    }

    @Test("the chain of sub-processors of an agreement")
    func subProcessors() throws {
        let result = try registre("subprocessors", "--dpa", "dpa-suite-territoriale", Repository.suiteTerritoriale)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("└─ Prestataire d'informatique en nuage qualifié SecNumCloud"))
        let unknown = try registre("subprocessors", "--dpa", "autre", Repository.suiteTerritoriale, "--lang", "en")
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no agreement 'autre' (known: dpa-suite-territoriale)"))
        let inFrench = try registre("subprocessors", "--dpa", "autre", Repository.suiteTerritoriale)
        #expect(inFrench.standardError.contains("aucun accord de sous-traitance « autre » (identifiants connus : dpa-suite-territoriale)"))
    }
}
