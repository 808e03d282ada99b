import ArgumentParser
import Foundation
import RegistreCore

/// A moment typed on the command line: a day (2026-03-27) or a date-time (2026-03-27T16:30,
/// 2026-03-27T14:30:00Z, 2026-03-27T16:30+02:00; without an offset, Europe/Paris time) that exists, in
/// the supported years. A value that is none of these is a usage error (64) naming the option, with the
/// subcommand's usage, before anything runs.
struct InstantArgument: ExpressibleByArgument {
    /// The moment: a day alone means its first instant.
    let start: Date
    /// The moment: a day alone means its last instant (`--as-of 2026-03-27`: the register as the day left it).
    let end: Date
    private let text: String

    init?(argument: String) {
        guard let start = Instant.parse(argument, timeZone: OrganisationTimeZone.default, day: .startOfDay),
              let end = Instant.parse(argument, timeZone: OrganisationTimeZone.default, day: .endOfDay)
        else { return nil }
        self.start = start
        self.end = end
        text = argument
    }

    var defaultValueDescription: String { text }
}
