import Foundation
import RegistreStore
import RegistreTestSupport
import Testing
@testable import registre

/// Each class of outcome has its exit status, as the README's table and `registre --help` say.
@Suite("Exit statuses")
struct ExitStatusTests {
    let session: CommandSession
    var db: String { session.db }

    init() throws {
        session = try CommandSession()
        #expect(try session.registre(["import", Repository.suiteTerritoriale, "--db", session.db]).status == 0)
    }

    func status(_ arguments: String...) throws -> Int32 { try session.registre(arguments).status }

    @Test("0: done, nothing serious")
    func zero() throws {
        #expect(try status("check", Repository.suiteTerritoriale) == 0)
        #expect(try status("verify", "--db", db) == 0)
    }

    @Test("1: errors in the register, or a request its terms refuse")
    func one() throws {
        // A breach known a week ago and never notified: Art. 33(1) is an error.
        #expect(try status("breach", "open", "--title", "Fuite", "--aware", "2026-11-19T09:00", "--nature", "confidentiality",
                           "--controller", "mende", "--db", db) == 0)
        #expect(try status("check", "--db", db, "--now", "2026-11-26T09:00") == 1)
        #expect(try status("audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2026-11-20", "--start", "2026-11-25", "--db", db) == 1)
    }

    @Test("1: the terms of the agreement refuse an audit that starts too soon, in the language of --lang")
    func refusedByTerms() throws {
        let french = try session.registre(["audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2026-11-20", "--start", "2026-11-25", "--db", db])
        #expect(french.status == 1)
        #expect(french.standardError.hasPrefix("Audit refusé : l'accord"), "\(french.standardError)")
        let english = try session.registre(["audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2026-11-20", "--start", "2026-11-25", "--db", db, "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.standardError.hasPrefix("Audit refused: the agreement"), "\(english.standardError)")
        #expect(english.standardError.split(separator: "\n").count == 1, "one message, no usage")
    }

    @Test("2: an entry that does not exist, said in the language of --lang")
    func notFound() throws {
        let shown = try session.registre(["breach", "show", "no-such-breach", "--db", db])
        #expect(shown.status == 2)
        #expect(shown.standardError == "\(db) : aucune violation « no-such-breach » (aucun identifiant connu)\n")
        let updated = try session.registre(["breach", "update", "no-such-breach", "--measure", "x", "--db", db, "--lang", "en"])
        #expect(updated.status == 2)
        #expect(updated.standardError == "no breach 'no-such-breach' in the register\n")
        let notice = try session.registre(["change-notice", "outcome", "no-such-change", "--dpa", "dpa-suite-territoriale", "--outcome", "accepted", "--db", db])
        #expect(notice.status == 2)
    }

    @Test("2: an --id that cannot be an id is a refused value, not a contradiction of the register; nothing is written")
    func malformedID() throws {
        let before = try session.registre(["history", "--db", db, "--format", "xml"]).standardOutput
        let opened = try session.registre(["breach", "open", "--title", "Fuite", "--aware", "2026-11-20T09:00", "--nature", "integrity",
                                           "--id", "fuite du 20/11", "--db", db, "--lang", "en"])
        #expect(opened.status == 2, "\(opened.standardError)")
        #expect(opened.standardError == "--id 'fuite du 20/11': expected an id (letters, digits, '.', '_', '-')\n")
        #expect(try session.registre(["history", "--db", db, "--format", "xml"]).standardOutput == before)
    }

    @Test("3: a change the register refuses as it stands, and nothing is written")
    func refusedChange() throws {
        let before = try session.registre(["history", "--db", db, "--format", "xml"]).standardOutput
        // An id already used, by a breach and by an audit.
        let breach = try session.registre(["breach", "open", "--title", "Fuite", "--aware", "2026-11-20T09:00", "--nature", "integrity",
                                           "--id", "mende", "--db", db, "--lang", "en"])
        #expect(breach.status == 3)
        #expect(breach.standardError.contains("--id 'mende'"))
        let audit = try session.registre(["audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2026-01-05", "--start", "2026-03-02",
                                          "--id", "mende", "--db", db])
        #expect(audit.status == 3, "\(audit.standardError)")
        #expect(audit.standardError.contains("« mende » n'est pas un identifiant nouveau"))
        let requester = try session.registre(["audit", "request", "--dpa", "dpa-suite-territoriale", "--notified", "2026-01-05", "--start", "2026-03-02",
                                              "--requester", "anct", "--db", db])
        #expect(requester.status == 3, "\(requester.standardError)")
        #expect(try session.registre(["history", "--db", db, "--format", "xml"]).standardOutput == before)
    }

    @Test("2: an unreadable input, a refused value, an unknown entry, a missing database")
    func two() throws {
        let garbage = try session.scratch.write("<register", to: "broken.xml")
        #expect(try status("check", garbage) == 2)
        #expect(try status("breach", "open", "--title", "", "--aware", "2026-11-20T09:00", "--nature", "integrity", "--db", db) == 2)
        #expect(try status("breach", "update", "no-such-breach", "--measure", "x", "--db", db) == 2)
        #expect(try status("export", "--db", session.scratch.path("absent.sqlite"), "--format", "xml") == 2)
    }

    @Test("64: the command line is wrong, and the subcommand's usage follows")
    func usage() throws {
        #expect(try status("check", "--no-such-option") == 64)
        #expect(try status("breach", "open", "--title", "x", "--aware", "demain", "--nature", "integrity", "--db", db) == 64)
        let within = try session.registre(["deadlines", "--within", "soon", "--db", db])
        #expect(within.status == 64)
        #expect(within.standardError.contains("Usage: registre deadlines"))
        #expect(try status("audit", "request", "--dpa", "dpa-suite-territoriale", "--start", "2026-02-30", "--db", db) == 64)
    }

    @Test("75: a database another command holds past --busy-timeout (see CarefulFilesTests for the wait itself)")
    func busy() throws {
        #expect(registre.ExitStatus.busy.rawValue == 75)
        #expect(StoreError.busy(path: db, seconds: 1).exitStatus == .busy)
    }

    @Test("the help lists every status")
    func help() throws {
        let help = try session.registre(["--help"]).standardOutput
        for status in ["0 when", "1 when", "2 when", "3 when", "64 when", "75 when"] { #expect(help.contains(status), "\(status)") }
    }
}
