import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreDocuments
import RegistreService
import Testing

/// Each account's calendar of deadlines: a secret address (its token stored hashed), revoked by issuing a
/// new one or none, giving the deadlines `registre deadlines` computes for the account's organisations
/// only, as RFC 5545 asks its lines to be written.
@Suite("Desk: the calendar feed of an account's deadlines")
struct CalendarFeedTests {
    /// The address shown once after the form is posted.
    static func address(in page: String) throws -> String {
        let start = try #require(page.range(of: "href=\"/calendar/feed/"))
        return "/calendar/feed/" + String(page[start.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The content lines of an iCalendar text, unfolded (RFC 5545 §3.1).
    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test("the feed holds the deadlines of the account's organisations, as registre deadlines gives them, and no other's")
    func onlyTheAccountsDeadlines() async throws {
        let fixture = try StructureFixture()
        let register = try RegisterDeadlines.register(of: fixture.store)
        let mendes = RegisterDeadlines.scheduled(in: register, now: friday, concerning: ["mende"])
        let floracs = RegisterDeadlines.scheduled(in: register, now: friday, concerning: ["florac"]).filter { !mendes.contains($0) }
        #expect(!mendes.isEmpty && !floracs.isEmpty)
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-mende")
            #expect(try await browser.get("/calendar").status == .ok)
            let issued = try await browser.post("/calendar/new", [])
            #expect(issued.status == .ok)
            let address = try Self.address(in: issued.text)
            // No session: the calendar program knows only the address.
            let feed = try await client.execute(uri: address, method: .get)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let lines = Self.unfolded(String(buffer: feed.body))
            let uids = Set(lines.filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) })
            #expect(uids == Set(mendes.map(DeadlineCalendar.uid)))
            for deadline in floracs { #expect(!uids.contains(DeadlineCalendar.uid(deadline)), "\(deadline.what.fr)") }
        }
    }

    @Test("lines end in CRLF and fold at 75 octets, never inside a character; text values are escaped")
    func rfc5545Lines() async throws {
        let fixture = try StructureFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            let address = try Self.address(in: try await browser.post("/calendar/new", []).text)
            let text = String(buffer: try await client.execute(uri: address, method: .get).body)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
            let physical = text.components(separatedBy: "\r\n").dropLast()
            #expect(!physical.contains { $0.contains("\n") || $0.contains("\r") }, "no bare LF or CR")
            #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "\(physical.map(\.utf8.count).max() ?? 0) octets")
            #expect(physical.contains { $0.hasPrefix(" ") }, "long summaries are folded")
            #expect(String(decoding: Array(text.utf8), as: UTF8.self) == text, "folding never splits a character")
            let lines = Self.unfolded(text)
            // The objection window's summary holds ";" and ",": escaped in the value.
            let summaries = lines.filter { $0.hasPrefix("SUMMARY:") }
            #expect(summaries.contains { $0.contains("\\;") })
            #expect(!summaries.contains { $0.dropFirst(8).contains(";") && !$0.contains("\\;") })
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
        }
    }

    @Test("the token is stored only as its hash; a new address revokes the old one; revoked, neither answers")
    func revocation() async throws {
        let fixture = try StructureFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("dpo-cdg")
            let first = try Self.address(in: try await browser.post("/calendar/new", []).text)
            let token = String(first.dropFirst("/calendar/feed/".count).prefix { $0 != "." })
            #expect(token.count == 64)
            let file = try Data(contentsOf: URL(fileURLWithPath: fixture.base.scratch.path("registre.sqlite")))
                + ((try? Data(contentsOf: URL(fileURLWithPath: fixture.base.scratch.path("registre.sqlite-wal")))) ?? Data())
            #expect(file.range(of: Data(token.utf8)) == nil, "the token itself is not in the database")
            #expect(try fixture.store.calendarFeeds.login(forToken: token) == "dpo-cdg")

            try await browser.get("/calendar")
            let second = try Self.address(in: try await browser.post("/calendar/new", []).text)
            #expect(second != first)
            #expect(try await client.execute(uri: first, method: .get).status == .notFound)
            #expect(try await client.execute(uri: second, method: .get).status == .ok)
            try await browser.get("/calendar")
            #expect(try await browser.post("/calendar/revoke", []).status == .seeOther)
            #expect(try await client.execute(uri: second, method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/calendar/feed/.ics", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/calendar/feed/\(String(repeating: "0", count: 64)).ics", method: .get).status == .notFound)
        }
        let events = try fixture.store.accounts.events().filter { $0.login == "dpo-cdg" }.map(\.kind)
        #expect(events.filter { $0 == .calendarFeedIssued }.count == 2 && events.contains(.calendarFeedRevoked))
    }
}
