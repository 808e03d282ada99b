import Foundation
import RegistreTestSupport
import Testing

/// Issue 14 reproduced: a register written for the tests (`Fixtures/issue-14-terms.xml`, an SaaS
/// agreement with the faults a DPO found) gets the findings and refusals it should.
@Suite("Contract terms checked against events (issue 14)")
struct ContractTermCommandTests {
    static let fixture = Repository.path("Tests/RegistreCLITests/Fixtures/issue-14-terms.xml")
    let session: CommandSession
    var db: String { session.db }

    init() throws { session = try CommandSession() }

    @discardableResult
    func registre(_ arguments: String...) throws -> CommandResult { try session.registre(arguments) }

    @Test("check finds each fault of the issue, with its code")
    func check() throws {
        let result = try registre("check", Self.fixture, "--lang", "en")
        #expect(result.status == 1)
        // The text is wrapped for the terminal: read it as one line.
        let output = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Two values for one term, naming both clauses.
        #expect(output.contains("error ART28-TERM-CONFLICT [agreement:dpa-nuagique]"), "\(output)")
        #expect(output.contains("clause 'Art. 7.2'") && output.contains("clause 'Annexe 4, § 2'"))
        // Written questions only.
        #expect(output.contains("error ART28-3-H-INFORMATION-ONLY [agreement:dpa-nuagique] Art. 28(3)(h)"))
        // Three audits in six weeks: the second and the third are beyond the cap.
        #expect(output.contains("error AUDIT-CAP-EXCEEDED [audit:audit-fin-mai]"))
        #expect(output.contains("error AUDIT-CAP-EXCEEDED [audit:audit-juin]"))
        #expect(!output.contains("[audit:audit-mai]"))
        // The audit after a breach is not held back by the cap, but starts before the processor is told.
        #expect(output.contains("error AUDIT-BEFORE-NOTIFIED [audit:audit-violation]"))
        #expect(!output.contains("AUDIT-CAP-EXCEEDED [audit:audit-violation]"))
        // Eighteen months of use before the notice: its own code, not a short window.
        #expect(output.contains("error ART28-2-USED-BEFORE-DISCLOSURE [agreement:dpa-nuagique]"))
        #expect(output.contains("Sauvegarde Externe SAS' has been used since 2024-09-02"))
        // The SMS sub-processor took effect a week after notice: 30 days were promised.
        #expect(output.contains("error ART28-2-CHANGE-NOTICE-TOO-SHORT [agreement:dpa-nuagique]"))
    }

    @Test("the objection window of 5 calendar days ends on Saturday, read as the stricter clause, and says so")
    func deadlines() throws {
        let result = try registre("deadlines", Self.fixture, "--now", "2026-03-04T12:00", "--lang", "en")
        #expect(result.status == 0)
        let output = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(output.contains("2026-03-07 upcoming [agreement:dpa-nuagique] End of the objection period for the change of sub-processor 'Envoi SMS SARL'"), "\(output)")
        #expect(output.contains("stricter reading for the controller"))
    }

    @Test("a closed window asks for its outcome; recording it through a point write takes it off the list")
    func outcome() throws {
        try registre("import", Self.fixture, "--db", db, "--now", "2026-03-03T09:00")
        let closed = try registre("deadlines", "--db", db, "--now", "2026-03-20T12:00", "--lang", "en")
        #expect(closed.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("CLOSED, outcome to record"), "\(closed.standardOutput)")
        #expect(!closed.standardOutput.contains("OVERDUE"))
        let refused = try registre("change-notice", "outcome", "ajout-sms", "--dpa", "dpa-nuagique", "--outcome", "pending",
                                   "--db", db, "--now", "2026-03-20T12:00")
        #expect(refused.status == 64, "\(refused.standardError)")
        let recorded = try registre("change-notice", "outcome", "ajout-sms", "--dpa", "dpa-nuagique", "--outcome", "objected",
                                    "--db", db, "--now", "2026-03-20T12:00", "--actor", "dpo")
        #expect(recorded.status == 0, "\(recorded.standardError)")
        let after = try registre("deadlines", "--db", db, "--now", "2026-03-20T12:00", "--lang", "en")
        #expect(!after.standardOutput.contains("Envoi SMS"))
        let export = try registre("export", "--db", db, "--format", "xml")
        #expect(export.standardOutput.contains(#"<change-notice id="ajout-sms" kind="addition" sub-processor="messagerie-sms" outcome="objected">"#))
        #expect(export.standardOutput.contains("<decided>2026-03-20</decided>"))
        #expect(try registre("verify", "--db", db).status == 0)
    }

    @Test("reversibility request: recorded through a point write, the plan's due day appears in deadlines; a request after today is refused")
    func reversibilityRequest() throws {
        try registre("import", Self.fixture, "--db", db, "--now", "2026-03-03T09:00")
        let before = try registre("deadlines", "--db", db, "--now", "2026-03-03T12:00", "--lang", "en")
        #expect(!before.standardOutput.contains("Reversibility plan"))
        let future = try registre("reversibility", "request", "--dpa", "dpa-nuagique", "--on", "2026-03-10",
                                  "--db", db, "--now", "2026-03-03T12:00", "--lang", "en")
        #expect(future.status == 3, "\(future.standardError)")
        #expect(future.standardError.contains("cannot be dated after today (2026-03-03)"))
        let recorded = try registre("reversibility", "request", "--dpa", "dpa-nuagique", "--on", "2026-03-02",
                                    "--db", db, "--now", "2026-03-03T12:00", "--actor", "dpo")
        #expect(recorded.status == 0, "\(recorded.standardError)")
        let after = try registre("deadlines", "--db", db, "--now", "2026-03-03T12:00", "--lang", "en")
        let output = after.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(output.contains("[agreement:dpa-nuagique] Reversibility plan due from the processor (requested on 2026-03-02; 30 working days"), "\(output)")
        #expect(output.contains("Art. 11.2"))
        let export = try registre("export", "--db", db, "--format", "xml")
        #expect(export.standardOutput.contains("<reversibility-requested>2026-03-02</reversibility-requested>"))
        #expect(try registre("verify", "--db", db).status == 0)
    }

    @Test("audit request beyond the cap, or before notice, is refused with exit 1, the clause and the first allowed day")
    func auditRequest() throws {
        try registre("import", Self.fixture, "--db", db, "--now", "2026-07-01T09:00")
        let beyond = try registre("audit", "request", "--dpa", "dpa-nuagique", "--notified", "2026-07-01", "--start", "2026-09-07",
                                  "--db", db, "--now", "2026-07-01T10:00", "--lang", "en")
        #expect(beyond.status == 1)
        // The last ordinary audit started on 15 June 2026: twelve calendar months later.
        #expect(beyond.standardError.contains("cannot start before 2027-06-15"), "\(beyond.standardError)")
        #expect(beyond.standardError.contains("Art. 9.3"))
        let early = try registre("audit", "request", "--dpa", "dpa-nuagique", "--notified", "2027-07-01", "--start", "2027-06-20",
                                 "--ground", "authority-request", "--db", db, "--now", "2026-07-01T10:00", "--lang", "en")
        #expect(early.status == 1)
        #expect(early.standardError.contains("before the processor is told"), "\(early.standardError)")
        let exempt = try registre("audit", "request", "--dpa", "dpa-nuagique", "--notified", "2026-07-01", "--start", "2026-08-03",
                                  "--ground", "authority-request", "--db", db, "--now", "2026-07-01T10:00")
        #expect(exempt.status == 0, "\(exempt.standardError)")
        #expect(exempt.standardOutput == "audit-2026-08-03\n")
    }
}
