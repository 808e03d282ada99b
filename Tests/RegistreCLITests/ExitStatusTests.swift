import Foundation
import RegistreTestSupport
import Testing

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

    @Test("2: an unreadable input, a refused value, an unknown entry, a missing database")
    func two() throws {
        let garbage = try session.scratch.write("<register", to: "broken.xml")
        #expect(try status("check", garbage) == 2)
        #expect(try status("breach", "open", "--title", "", "--aware", "2026-11-20T09:00", "--nature", "integrity", "--db", db) == 2)
        #expect(try status("breach", "update", "no-such-breach", "--measure", "x", "--db", db) == 2)
        #expect(try status("export", "--db", session.scratch.path("absent.sqlite"), "--format", "xml") == 2)
    }

    @Test("64: the command line is wrong")
    func usage() throws {
        #expect(try status("check", "--no-such-option") == 64)
        #expect(try status("breach", "open", "--title", "x", "--aware", "demain", "--nature", "integrity", "--db", db) == 64)
        #expect(try status("deadlines", "--within", "soon", "--db", db) == 64)
    }

    @Test("the help lists every status")
    func help() throws {
        let help = try session.registre(["--help"]).standardOutput
        for status in ["0 when", "1 when", "2 when", "64 when"] { #expect(help.contains(status), "\(status)") }
    }
}
