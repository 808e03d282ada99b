import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

/// Issue 24, "forms a DPO can fill": long texts in text areas, several rows added at once, sections with
/// headings (optional ones folded while empty), required fields marked, and pages rather than disabled
/// forms for an account that may not change the entry.
@Suite("Desk: forms a DPO can fill, pages a reader reads")
struct FormLayoutTests {
    /// What `<main>` of a page holds (the layout's sign-out form is outside it).
    static func main(_ page: String) -> String {
        guard let start = page.range(of: "<main"), let end = page.range(of: "</main>") else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }

    static let controls = ["<input", "<textarea", "<select", "<button"]

    /// The activity form as the page last shown holds it (the session's token is the browser's to add),
    /// with `changes` in place of the fields they name.
    static func form(_ browser: Browser, _ changes: [(String, String)] = []) throws -> [(String, String)] {
        let form = try #require(HTMLForm.forms(in: browser.lastPage, action: "/activities/mende-etat-civil").first)
        let changed = Set(changes.map(\.0) + ["csrf"])
        return form.fields.filter { !changed.contains($0.0) } + changes
    }

    @Test("a reader reads each entry as a page: no input, text area, list or button; a dpo gets the form", arguments: [
        "/activities/mende-etat-civil", "/breaches/breach-mende-1", "/organisations/mende", "/agreements/accord-mende",
    ])
    func readerSeesPages(path: String) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            let page = try await reader.get(path)
            #expect(page.status == .ok)
            let main = Self.main(page.text)
            for control in Self.controls { #expect(!main.contains(control), "\(path) shows \(control) to a reader") }
            #expect(!main.contains("disabled"))
            if path.hasPrefix("/activities/") {
                #expect(main.contains("<dt>Finalités (art. 30(1)(b))</dt><dd><ul><li>Tenir les actes</li></ul></dd>"))
                #expect(main.contains("Contrôle d&#39;accès : Comptes nominatifs") || main.contains("Comptes nominatifs"))
            }
            if path.hasPrefix("/breaches/") { #expect(main.contains("class=\"read-view\"")) }

            let dpo = Browser(client)
            try await dpo.signIn("dpo-mende")
            let form = Self.main(try await dpo.get(path).text)
            if path.hasPrefix("/activities/") || path.hasPrefix("/breaches/") {
                #expect(form.contains("<textarea"))
                #expect(!form.contains("class=\"read-view\""))
            }
        }
    }

    @Test("a list keeps its filter for a reader")
    func readerKeepsFilters() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let reader = Browser(client)
            try await reader.signIn("reader-mende")
            #expect(Self.main(try await reader.get("/activities").text).contains("<select"))
        }
    }

    @Test("the activity form: long texts in text areas, short values in inputs, sections with headings, required fields marked and explained once")
    func activityLayout() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let main = Self.main(try await browser.get("/activities/mende-etat-civil").text)
            for long in ["purposes-0", "retention-0", "security-0", "criminalOffence", "criminalOffenceGround"] {
                #expect(main.contains("<textarea id=\"\(long)\""), "\(long) is a text area")
            }
            for short in ["name", "application", "dataSubjects-0", "dataCategories-0", "recipients-0", "processorServices-0", "transferRecipients-0"] {
                #expect(main.contains("<input id=\"\(short)\""), "\(short) is an input")
            }
            #expect(main.components(separatedBy: "<h2 id=\"section-").count - 1 == 6)
            #expect(main.components(separatedBy: "class=\"required-note\"").count - 1 == 1)
            #expect(main.contains("<input id=\"name\" name=\"name\" value=\"État civil de Mende\" required"))
            #expect(main.contains("<select id=\"controller\" name=\"controller\" required"))
            // Empty optional sections are folded; those with something recorded or a finding are open.
            #expect(main.contains("<details class=\"field\" id=\"transfers-field\">"))
            #expect(main.contains("<details class=\"field\" id=\"jointControllers-field\">"))
            #expect(main.contains("<details class=\"field\" id=\"processors-field\">"))
        }
    }

    @Test("a section with something recorded shows open")
    func recordedSectionOpen() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            let saved = try await browser.post("/activities/mende-etat-civil", try Self.form(browser, [
                ("transferRecipients[]", "Hébergeur"), ("transferDestinations[]", "US"), ("transferSafeguards[]", "standard-contractual-clauses"),
            ]))
            #expect(saved.status == .seeOther)
            let main = Self.main(try await browser.get("/activities/mende-etat-civil").text)
            #expect(main.contains("<details class=\"field\" id=\"transfers-field\" open>"))
        }
    }

    @Test("save and add 3 rows: saved, then the table shows three empty rows; the rows filled are saved, the empty ones ignored")
    func threeRowsAtOnce() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            let asked = try await browser.post("/activities/mende-etat-civil", try Self.form(browser, [("more", "dataSubjects")]))
            #expect(asked.status == .seeOther)
            let location = try #require(asked.headers[.location])
            #expect(location == "/activities/mende-etat-civil?saved&more=dataSubjects#dataSubjects-field")
            let more = try await browser.get(String(location.prefix { $0 != "#" }))
            // Three empty rows where they were asked for; none in a table that has rows and was not asked.
            #expect(more.text.components(separatedBy: "name=\"dataSubjects[]\" value=\"\"").count - 1 == 3)
            #expect(more.text.components(separatedBy: "name=\"dataCategories[]\" value=\"\"").count - 1 == 0)
            var filled = ["Élus", "", "Agents"].makeIterator()
            let fields = try Self.form(browser).map { field -> (String, String) in
                guard field.0 == "dataSubjects[]", field.1.isEmpty, let text = filled.next() else { return field }
                return (field.0, text)
            }
            #expect(try await browser.post("/activities/mende-etat-civil", fields).status == .seeOther)
            let stored = try #require(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" })
            #expect(stored.dataSubjects.map(\.label) == ["Usagers", "Élus", "Agents"])
            // A table the form does not have asks for nothing more.
            try await browser.get("/activities/mende-etat-civil")
            let other = try await browser.post("/activities/mende-etat-civil", try Self.form(browser, [("more", "nothing")]))
            #expect(other.headers[.location] == "/activities/mende-etat-civil?saved")
            #expect(try await browser.get("/activities/mende-etat-civil?more=nothing").status == .ok)
        }
    }

    @Test("a row added at once passes the XML reader's checks: a control character in a category is refused, nothing written")
    func rowsReadAsTheXMLReaderReads() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil?more=dataCategories")
            let refused = try await browser.post("/activities/mende-etat-civil", try Self.form(browser, [
                ("dataCategories[]", "Identité"), ("dataCategories[]", "État\u{1B}[2J civil"), ("dataCategories[]", ""), ("more", "dataCategories"),
            ]))
            #expect(refused.status == .unprocessableContent)
        }
        #expect(fixture.journalCount == before)
    }

    @Test("a text area's line breaks (CR LF as a browser sends them) are kept as the register keeps them, and sent back unchanged write nothing")
    func textAreaLineBreaks() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/activities/mende-etat-civil")
            let typed = try Self.form(browser, [("purposes[]", "Tenir les actes\r\nDélivrer les copies\r")])
            #expect(try await browser.post("/activities/mende-etat-civil", typed).status == .seeOther)
            let stored = try #require(try fixture.store.register().activities.first { $0.id == "mende-etat-civil" })
            #expect(stored.purposes == ["Tenir les actes\nDélivrer les copies"])
            try await browser.get("/activities/mende-etat-civil")
            let count = fixture.journalCount
            let crlf = try Self.form(browser).map { ($0.0, $0.1.replacingOccurrences(of: "\n", with: "\r\n")) }
            #expect(try await browser.post("/activities/mende-etat-civil", crlf).status == .seeOther)
            #expect(fixture.journalCount == count)
        }
    }

    @Test("a communication to the data subjects dated in the future is refused, as the command line refuses it; today's is recorded")
    func futureCommunicationRefused() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get("/breaches/breach-mende-1")
            let future = try await browser.post("/breaches/breach-mende-1/communication", [("at", "2026-03-28T12:00"), ("detail", "Courriel")])
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains("Art. 33(5)"))
            #expect(fixture.journalCount == before)
            try await browser.get("/breaches/breach-mende-1")
            #expect(try await browser.post("/breaches/breach-mende-1/communication", [("at", "2026-03-27T08:00"), ("detail", "Courriel")]).status == .seeOther)
        }
    }

    @Test("a reader of Florac reads its audit and its record as a processor as pages: what is not recorded says so", arguments: [
        "/audits/audit-florac-1", "/records/florac-pour-mende",
    ])
    func readerOfAuditAndRecord(path: String) async throws {
        let fixture = try DeskFixture()
        try fixture.store.accounts.add(
            Account(login: "reader-florac", role: .reader, organisations: ["florac"], passwordHash: Passwords.hash(DeskFixture.password, cost: 4)),
            actor: "setup", at: friday.addingTimeInterval(-86_400))
        try await fixture.run { client in
            let reader = Browser(client)
            try await reader.signIn("reader-florac")
            let page = try await reader.get(path)
            #expect(page.status == .ok)
            let main = Self.main(page.text)
            for control in Self.controls { #expect(!main.contains(control), "\(path) shows \(control) to a reader") }
            #expect(main.contains("class=\"read-view\""))
            #expect(main.lowercased().contains("non renseigné"))
        }
    }

    /// Whether Enter in a text input of a form with these submit `buttons` saves it as it is: its first
    /// button (the one HTML's implicit submission presses) is a plain save, not a "save and add 3 rows".
    static func enterSaves(_ buttons: [[String: String]]) -> Bool {
        guard let first = buttons.first else { return false }
        return first["name"] == nil && (first["class"] ?? "").split(separator: " ").contains("save")
    }

    @Test("Enter in a text input saves the form as it is: its first submit button is the plain save, shown, before every \"+3\"", arguments: [
        ("admin", "/activities/mende-etat-civil", "/activities/mende-etat-civil"), ("admin", "/activities/new", "/activities/new"),
        ("admin", "/breaches/breach-mende-1", "/breaches/breach-mende-1"), ("admin", "/records/florac-pour-mende", "/records/florac-pour-mende"),
        ("dpo-mende", "/agreements/accord-mende/terms", "/agreements/accord-mende/terms"),
    ])
    func enterSavesAsItIs(login: String, path: String, action: String) async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn(login)
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            let form = try #require(HTMLForm.forms(in: page.text, action: action).first)
            #expect(Self.enterSaves(form.buttons), "\(path): the first button is \(form.buttons.first ?? [:])")
            #expect(form.buttons.contains { $0["name"] == "more" }, "\(path) has its \"+3\" buttons")
            // Shown to everyone, not hidden from sight or from screen readers.
            let first = form.buttons.first ?? [:]
            for hiding in ["hidden", "aria-hidden", "tabindex", "style"] { #expect(first[hiding] == nil, "\(path): \(hiding)") }
            #expect(!(first["class"] ?? "").contains("visually-hidden"))
        }
    }

    @Test("a form whose first button is a \"+3\" fails the check: Enter there would save and add three rows")
    func enterAddingRowsFires() {
        let page = """
            <form method="post" action="/activities/a"><input name="name" value="x">\
            <button type="submit" name="more" value="purposes" class="secondary">+3</button>\
            <button type="submit" class="save">Enregistrer</button></form>
            """
        let form = HTMLForm.forms(in: page, action: "/activities/a").first
        #expect(form?.buttons.count == 2)
        #expect(!Self.enterSaves(form?.buttons ?? []))
        #expect(!Self.enterSaves([]))
        #expect(!Self.enterSaves([["type": "submit"]]), "a button without the save's class is not taken for it")
        #expect(Self.enterSaves(Array((form?.buttons ?? []).reversed())))
        // A button of type "button" or "reset" submits nothing: the first submit button is the save.
        let typed = HTMLForm.forms(in: """
            <form method="post" action="/a"><button type="button">?</button><button type="reset">×</button>\
            <input type="submit" class="save" value="Enregistrer"><button name="more" value="purposes">+3</button></form>
            """, action: "/a").first
        #expect(typed?.buttons.count == 2)
        #expect(Self.enterSaves(typed?.buttons ?? []))
    }

    @Test("the agreement's terms: save and add 3 rows as the other forms do; no empty row once it has terms; the rows filled are saved, the empty ones ignored")
    func termsThreeRowsAtOnce() async throws {
        let fixture = try DeskFixture()
        let path = "/agreements/accord-mende/terms"
        let stored = try #require(try fixture.store.register().agreement("accord-mende")).terms
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            let page = try await browser.get(path)
            // One empty row while there is no term, none once there are (the button adds them).
            #expect(page.text.components(separatedBy: "name=\"termPeriod[]\" value=\"\"").count - 1 == (stored.isEmpty ? 1 : 0))
            #expect(page.text.contains("<button type=\"submit\" name=\"more\" value=\"terms\" class=\"secondary\">Enregistrer et ajouter 3 lignes (délais)</button>"))
            let shown = try #require(HTMLForm.forms(in: page.text, action: path).first).fields.filter { $0.0 != "csrf" }
            let before = fixture.journalCount
            let asked = try await browser.post(path, shown + [("more", "terms")])
            #expect(asked.status == .seeOther)
            #expect(asked.headers[.location] == "/agreements/accord-mende/terms?saved&more=terms#terms-field")
            #expect(fixture.journalCount == before, "sent back as shown: nothing written")
            let more = try await browser.get("/agreements/accord-mende/terms?saved&more=terms")
            #expect(more.text.components(separatedBy: "name=\"termPeriod[]\" value=\"\"").count - 1 == (stored.isEmpty ? 4 : 3))
            let empty = stored.count
            let fields = try #require(HTMLForm.forms(in: more.text, action: path).first).fields.filter { $0.0 != "csrf" }
            var kinds = 0, periods = 0
            let filled = fields.map { field -> (String, String) in
                switch field.0 {
                case "termKind[]":
                    defer { kinds += 1 }
                    return kinds == empty ? (field.0, "termination") : kinds == empty + 2 ? (field.0, "audit-notice") : field
                case "termPeriod[]":
                    defer { periods += 1 }
                    return periods == empty ? (field.0, "3m") : periods == empty + 2 ? (field.0, "10wd") : field
                default: return field
                }
            }
            let saved = try await browser.post(path, filled)
            #expect(saved.headers[.location] == "/agreements/accord-mende?saved", "the plain save goes back to the agreement")
            // A table the form does not have asks for nothing more.
            try await browser.get(path)
            let again = try #require(HTMLForm.forms(in: browser.lastPage, action: path).first).fields.filter { $0.0 != "csrf" }
            #expect(try await browser.post(path, again + [("more", "nothing")]).headers[.location] == "/agreements/accord-mende?saved")
            #expect(try await browser.get("/agreements/accord-mende/terms?more=nothing").status == .ok)
        }
        let terms = try #require(try fixture.store.register().agreement("accord-mende")).terms
        #expect(terms.count == stored.count + 2)
        #expect(terms.suffix(2).map(\.kind) == [.termination, .auditNotice])
    }

    @Test("a term added at once passes the same checks: a wrong period in an added row is refused, nothing written")
    func termsRowsChecked() async throws {
        let fixture = try DeskFixture()
        let path = "/agreements/accord-mende/terms"
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            try await browser.get(path + "?more=terms")
            let shown = try #require(HTMLForm.forms(in: browser.lastPage, action: path).first).fields.filter { $0.0 != "csrf" }
            let refused = try await browser.post(path, shown + [
                ("termKind[]", "termination"), ("termPeriod[]", "trois mois"), ("termCounting[]", ""), ("termClause[]", ""), ("more", "terms"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"terms-error\""))
        }
        #expect(fixture.journalCount == before)
    }
}
