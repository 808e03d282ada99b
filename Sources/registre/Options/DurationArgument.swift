import ArgumentParser
import RegistreCore

/// A duration typed on the command line: 72h, 30d, 10wd (working days), 2w, 3m, 1y, of at most
/// ``SupportedRange/periodYears`` years. Anything else is a usage error (64) naming the option.
struct DurationArgument: ExpressibleByArgument {
    let period: DeadlinePeriod
    private let text: String

    init?(argument: String) {
        guard let period = DeadlinePeriod(shorthand: argument) else { return nil }
        self.period = period
        text = argument
    }

    var defaultValueDescription: String { text }
}
