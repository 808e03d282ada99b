import Foundation
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// The tables derived from the entries — the kept findings (`finding`), the names' sort keys
/// (`activity_name_key`, and `party_name_key` for the organisations, agreements and breaches), the names the text index finds (`activity_text_row`), the XML kept beside each
/// entry (`entity.fragment`) — follow every kind of change in the transaction that makes it: a save on the
/// desk, an act on the desk, an act of the command line, an import. And `verify` names each one changed
/// behind registre's back. (The deadlines are not kept: they are computed when asked.)
@Suite("Derived tables follow every kind of change; verify names one changed behind registre's back")
struct DerivedTablesTests {
    /// The command line at the fixture's moment, so that the journal's times never go backwards.
    static let environment = ["REGISTRE_TEST_JOURNAL_CLOCK": "2026-03-27T08:00:00Z", "PATH": "/usr/bin:/bin"]

    static func registre(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(CommandRunner.registre, arguments, environment: environment)
    }

    static func sqlite(_ db: String, _ sql: String) throws -> [String] {
        let result = try CommandRunner.run("/usr/bin/env", ["sqlite3", "-separator", "\t", db, sql])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The fixture, with Paie du centre a model of the centre de gestion (which Mende is a member of).
    static func fixture() throws -> DeskFixture {
        let fixture = try DeskFixture()
        _ = try fixture.store.change(actor: "setup") { edit in
            guard case .activity(var payroll)? = try edit.entry(EntityKey(.activity, "cdg-paie")) else { return }
            payroll.modelRole = .model
            try edit.save(.activity(payroll))
        }
        return fixture
    }

    /// Every derived table equals what the entries give, read with the sqlite3 shell, and `verify` agrees.
    static func expectFollows(_ fixture: DeskFixture, _ step: Comment) throws {
        let db = fixture.scratch.path("registre.sqlite")
        let register = try fixture.store.register()
        for activity in register.activities {
            let id = activity.id
            #expect(try sqlite(db, "SELECT key FROM activity_name_key WHERE id = '\(id)'") == [NameKey.key(activity.name)], "\(id) \(step)")
            #expect(try sqlite(db, "SELECT name FROM activity_text_row WHERE id = '\(id)'") == [activity.name], "\(id) \(step)")
            // The trigram index over them finds the activity by a part of its name.
            let part = String(activity.name.dropFirst(2).prefix(8))
            #expect(try sqlite(db, "SELECT id FROM activity_text WHERE activity_text MATCH '\"\(part)\"'").contains(id), "\(id) \(part) \(step)")
            let kept = try sqlite(db, "SELECT CAST(fragment AS TEXT) FROM entity WHERE kind = 'activity' AND id = '\(id)'").joined(separator: "\n")
            #expect(kept.contains("<name>\(activity.name)</name>"), "\(id) \(step)")
        }
        // The parties' names as their lists sort them.
        let parties = register.organisations.map { (EntityKind.organisation, $0.id, $0.name) }
            + register.agreements.map { (EntityKind.agreement, $0.id, $0.title) } + register.breaches.map { (EntityKind.breach, $0.id, $0.title) }
        for (kind, id, name) in parties {
            #expect(try sqlite(db, "SELECT key FROM party_name_key WHERE kind = '\(kind.rawValue)' AND id = '\(id)'") == [NameKey.key(name)], "\(id) \(step)")
        }
        #expect(try sqlite(db, "SELECT count(*) FROM party_name_key") == [String(parties.count)], "\(step)")
        // The findings that do not move with the clock: those check finds on the whole register.
        let stored = Set(try sqlite(db, "SELECT kind || ':' || id || ' ' || code FROM finding WHERE due IS NULL"))
        let expected = Set(RegisterCheck.findings(in: register).map { "\($0.subject.kind.rawValue):\($0.subject.id) \($0.code.rawValue)" })
        #expect(stored == expected, "\(step): kept \(stored.subtracting(expected).sorted()), missing \(expected.subtracting(stored).sorted())")
        let verified = try registre(["verify", "--db", db, "--lang", "en"])
        #expect(verified.status == 0, "\(step): \(verified.standardError)")
    }

    @Test("a desk save, a desk act, command-line acts and an import: each derived table follows each, as the entries give it")
    func follows() async throws {
        let fixture = try Self.fixture()
        let db = fixture.scratch.path("registre.sqlite")
        try Self.expectFollows(fixture, "before")
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            // A save on the desk: Mende's civil register renamed through its form.
            let page = try await browser.get("/activities/mende-etat-civil").text
            let form = try #require(HTMLForm.forms(in: page, action: "/activities/mende-etat-civil").first)
            let renamed = form.fields.filter { $0.0 != "csrf" }.map { $0.0 == "name" ? ("name", "Registre des naissances de Lozère") : $0 }
            #expect(try await browser.post("/activities/mende-etat-civil", renamed).status == .seeOther)
            // An organisation renamed through its form: its key follows.
            let organisation = try await browser.get("/organisations/florac/edit").text
            let fields = try #require(HTMLForm.forms(in: organisation, action: "/organisations/florac/edit").first).fields.filter { $0.0 != "csrf" }
            let named = fields.map { $0.0 == "name" ? ("name", "Ville d'Écoles de Florac") : $0 }
            #expect(try await browser.post("/organisations/florac/edit", named).status == .seeOther)
            // An act on the desk: Mende's request refused without its reasons or the remedies (Art. 12(4)).
            _ = try await browser.get("/requests/request-mende-1")
            #expect(try await browser.post("/requests/request-mende-1/answer", [("outcome", "refused"), ("sent", "2026-03-27")]).status == .seeOther)
        }
        #expect(try Self.sqlite(db, "SELECT DISTINCT code FROM finding WHERE kind = 'request' AND id = 'request-mende-1'") == [FindingCode.art12_4_refusal_reasons.rawValue])
        try Self.expectFollows(fixture, "desk")
        // Acts of the command line: Florac's request refused the same way, the centre's model given to Mende.
        let answered = try Self.registre(["request", "answer", "request-florac-1", "--outcome", "refused", "--sent", "2026-03-27", "--db", db, "--actor", "cli"])
        #expect(answered.status == 0, "\(answered.standardError)")
        let applied = try Self.registre(["model", "apply", "cdg-paie", "--to", "mende", "--db", db, "--actor", "cli"])
        #expect(applied.status == 0 && applied.standardOutput.contains("cdg-paie-mende"), "\(applied.standardError)")
        try Self.expectFollows(fixture, "command line")
        // An import: the civil register renamed again, and an activity of Florac's added.
        var register = try fixture.store.register()
        let index = try #require(register.activities.firstIndex { $0.id == "mende-etat-civil" })
        register.activities[index].name = "Registre des décès de Lozère"
        register.activities.append(DeskFixture.activity("florac-ecole", "École de musique de Florac", of: "florac"))
        let breach = try #require(register.breaches.firstIndex { $0.id == "breach-mende-1" })
        register.breaches[breach].title = "Œuvre égarée à Mende"
        let file = fixture.scratch.path("import.xml")
        try Data(try RegisterWriter.bytes(of: register)).write(to: URL(fileURLWithPath: file))
        let imported = try Self.registre(["import", file, "--db", db, "--actor", "cli"])
        #expect(imported.status == 0, "\(imported.standardError)")
        try Self.expectFollows(fixture, "import")
        #expect(try Self.sqlite(db, "SELECT id FROM activity_text WHERE activity_text MATCH '\"naissances\"'").isEmpty, "the old name is no longer found")
    }

    @Test("verify names each derived table changed with the sqlite3 shell, in the table's words", arguments: [
        ("UPDATE finding SET severity = 'info' WHERE rowid = (SELECT min(rowid) FROM finding)", "kept findings of "),
        ("UPDATE activity_name_key SET key = 'zzz' WHERE id = 'mende-etat-civil'", "sort keys: activity mende-etat-civil's does not come from its name"),
        ("UPDATE activity_text_row SET name = 'Faux nom' WHERE id = 'mende-etat-civil'",
         "text index: activity mende-etat-civil's name in the table activity_text_row is not its own"),
        ("DELETE FROM activity_text_row WHERE id = 'florac-cantine'", "text index: activity florac-cantine has no row in the table activity_text_row"),
        ("INSERT INTO activity_text_row (id, name) VALUES ('personne', 'Personne')", "text index: personne is not an activity of the register"),
        ("UPDATE party_name_key SET key = 'zzz' WHERE kind = 'organisation' AND id = 'mende'", "(table party_name_key): changed outside registre"),
        ("DELETE FROM party_name_key WHERE kind = 'breach' AND id = 'breach-florac-1'", "(table party_name_key): changed outside registre"),
        ("INSERT INTO party_name_key (kind, id, key) VALUES ('organisation', 'personne', 'personne')",
         "sort keys: organisation personne is not an entry of the register but has a key in the table party_name_key"),
        ("UPDATE breach_clock SET deadline = 0 WHERE id = 'breach-mende-1'",
         "breach clocks: breach breach-mende-1's (table breach_clock) does not come from the breach: changed outside registre"),
        ("DELETE FROM breach_clock WHERE id = 'breach-florac-1'",
         "breach clocks: breach breach-florac-1's (table breach_clock) does not come from the breach: changed outside registre"),
        ("UPDATE entity SET fragment = CAST(replace(CAST(fragment AS TEXT), 'Mende', 'Mande') AS BLOB) WHERE kind = 'activity' AND id = 'mende-etat-civil'",
         "row activity:mende-etat-civil: the XML kept for export does not match its fields"),
    ])
    func tampered(statement: String, problem: String) throws {
        let fixture = try Self.fixture()
        let db = fixture.scratch.path("registre.sqlite")
        #expect(try Self.registre(["verify", "--db", db]).status == 0)
        _ = try Self.sqlite(db, statement)
        let verified = try Self.registre(["verify", "--db", db, "--lang", "en"])
        #expect(verified.status == 1 && verified.standardError.contains(problem), "\(verified.standardError)")
    }
}
