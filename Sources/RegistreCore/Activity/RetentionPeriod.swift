/// How long a category of data is kept (Art. 30(1)(f), Art. 5(1)(e)): a duration and the event it runs
/// from ("6 mois à compter de la fin de l'abonnement"), or a criterion where no duration can be given
/// ("durée de la relation contractuelle", "archivage définitif, Code du patrimoine art. L212-2").
public struct RetentionPeriod: Hashable, Sendable {
    /// How the end of the retention is set: a duration from an event, or a criterion in words.
    public enum Rule: Hashable, Sendable {
        /// A length of time, and the event it runs from ("la fin de l'abonnement"); nil when the register does not say.
        case duration(PeriodLength, from: String?)
        /// A criterion where no duration can be given ("durée de la relation contractuelle").
        case criterion(String)
    }

    /// The data this period applies to; the whole activity when nil.
    public var data: String?
    /// How the end of the retention is set.
    public var rule: Rule
    /// What happens at the end: deletion, anonymisation, intermediate archiving…
    public var then: String?

    /// A period for `data` (the whole activity when nil), set by `rule`, followed by what `then` says.
    public init(data: String? = nil, rule: Rule, then: String? = nil) {
        self.data = data
        self.rule = rule
        self.then = then
    }

    /// A duration with no starting event never ends: nobody can say when the data must go.
    public var isOpenEnded: Bool {
        if case .duration(_, from: nil) = rule { return true }
        return false
    }
}

/// A length of time in whole units, as contracts and registers state them.
public struct PeriodLength: Hashable, Sendable, Codable {
    /// The units periods are counted in.
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        /// Hours, days, weeks, months or years (calendar units, from the time rules of ``DeadlineCalculator``).
        case hours, days, weeks, months, years
    }

    /// How many units; positive.
    public var value: Int
    /// The unit counted.
    public var unit: Unit

    /// A length of `value` units.
    public init(_ value: Int, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }
}
