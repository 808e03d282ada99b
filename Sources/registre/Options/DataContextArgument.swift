import ArgumentParser
import RegistreCore

/// A category of data breached, with the ENISA method's adjustment, as `breach assess --data` takes it:
/// simple, behavioural, financial or sensitive, optionally `:-3` … `:+3`. Anything else is a usage error
/// (64) naming the option.
struct DataContextArgument: ExpressibleByArgument {
    let context: RiskAssessment.DataContext
    private let text: String

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let category = parts.first.flatMap({ RiskAssessment.DataContext.Category(rawValue: String($0)) }),
              let adjustment = parts.count == 2 ? Int(parts[1]) : 0,
              (-3...3).contains(adjustment)
        else { return nil }
        context = RiskAssessment.DataContext(category, adjustment: adjustment)
        text = argument
    }

    var defaultValueDescription: String { text }
}
