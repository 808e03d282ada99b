/// How long a category of data is kept (Art. 30(1)(f), Art. 5(1)(e)): a duration and the event it runs
/// from ("6 mois à compter de la fin de l'abonnement"), or a criterion where no duration can be given
/// ("durée de la relation contractuelle", "archivage définitif, Code du patrimoine art. L212-2").
public struct RetentionPeriod: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        case duration(PeriodLength, from: String?)
        case criterion(String)
    }

    /// The data this period applies to; the whole activity when nil.
    public var data: String?
    public var rule: Rule
    /// What happens at the end: deletion, anonymisation, intermediate archiving…
    public var then: String?

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
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        case hours, days, weeks, months, years
    }

    public var value: Int
    public var unit: Unit

    public init(_ value: Int, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }
}
