import ArgumentParser
import RegistreCore

/// A day typed on the command line, as YYYY-MM-DD, that exists. Anything else is a usage error (64)
/// naming the option, with the subcommand's usage.
struct DayArgument: ExpressibleByArgument {
    let day: CalendarDate

    init?(argument: String) {
        guard let day = CalendarDate(iso: argument) else { return nil }
        self.day = day
    }

    var defaultValueDescription: String { day.iso }
}
