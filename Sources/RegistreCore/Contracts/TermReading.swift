/// The day a term gives, read under the stricter of its statements for the party that must act: the
/// earliest end of a window it must act within, the latest first day of what it must wait for or
/// announce. A DPO relying on the reading is never late under any clause.
public struct TermReading: Hashable, Sendable {
    /// The day the reading gives: the last day to act within the term, or the first day allowed after it.
    public var day: CalendarDate
    /// The statement that gives ``day``.
    public var term: ContractTerm
    /// Every statement of the term, in the agreement's order.
    public var statements: [ContractTerm]

    /// Reads `statements` (all of one kind) from `eventDay` with `calculator`, or nil when there is none.
    ///
    /// - Parameters:
    ///   - statements: the statements of one term, in the agreement's order.
    ///   - eventDay: the day of the event the term counts from.
    ///   - calculator: counts the periods, in the calendar of the party that must act.
    ///   - party: whose conduct the reading is strict for; by default the party that must act
    ///     under the term. Checking the other party's conduct takes the opposite reading: a processor
    ///     applies a change only once every statement of the objection window has closed.
    public init?(
        _ statements: [ContractTerm], from eventDay: CalendarDate, calculator: DeadlineCalculator,
        strictFor party: ContractTerm.Kind.Party? = nil
    ) {
        var best: (day: CalendarDate, term: ContractTerm)?
        for term in statements {
            let earliestIsStricter = term.kind.actsWithin == (party.map { $0 == term.kind.obligedParty } ?? true)
            let day = term.kind.actsWithin
                ? calculator.lastDay(of: term.period, after: eventDay, counting: term.counting)
                : calculator.earliestDay(term.period, afterNoticeOn: eventDay, counting: term.counting)
            guard let current = best else {
                best = (day, term)
                continue
            }
            if earliestIsStricter ? day < current.day : day > current.day { best = (day, term) }
        }
        guard let best else { return nil }
        self.day = best.day
        self.term = best.term
        self.statements = statements
        self.strictFor = party
    }

    /// Whether the statements disagree, so that the reading chose one.
    public var isStricterOfSeveral: Bool { statements.contains { !$0.agrees(with: term) } }

    /// The party the reading is strict for.
    public var party: ContractTerm.Kind.Party { strictFor ?? term.kind.obligedParty }
    private var strictFor: ContractTerm.Kind.Party?

    /// "15 jours calendaires, sans report (Annexe 2, art. 4)", what a message cites.
    public var source: LocalizedText { term.citation }

    /// What a deadline says of where its day comes from: the statement used, and when the agreement
    /// states the term more than once, that this is the stricter reading and of which clauses.
    public var explanation: LocalizedText {
        guard isStricterOfSeveral else { return source }
        let all = statements.map(\.citation)
        let who = party == .controller
            ? LocalizedText(fr: "le responsable", en: "the controller") : LocalizedText(fr: "le sous-traitant", en: "the processor")
        return LocalizedText(
            fr: "\(source.fr) ; lecture la plus stricte pour \(who.fr), entre " + all.map(\.fr).joined(separator: " et "),
            en: "\(source.en); the stricter reading for \(who.en), of " + all.map(\.en).joined(separator: " and "))
    }
}

extension ContractTerm {
    /// "15 jours (calendaires, sans report ; Annexe 2, art. 4)".
    public var citation: LocalizedText {
        let length = PeriodWords.describe(period)
        let where_ = clause.map { LocalizedText(fr: "clause « \($0) »", en: "clause '\($0)'") }
            ?? LocalizedText(fr: "clause non référencée", en: "clause without a reference")
        let how = countingWords
        return LocalizedText(
            fr: "\(length.fr) (" + ([how?.fr, where_.fr].compactMap { $0 }.joined(separator: " ; ")) + ")",
            en: "\(length.en) (" + ([how?.en, where_.en].compactMap { $0 }.joined(separator: "; ")) + ")")
    }
}

extension ContractTerm {
    /// How the term counts, as a reader needs it; nil where the period already says (working days, hours).
    ///
    /// A term the party must respect "at least" (a notice, the interval between audits) counts from its
    /// first day: 1182/71 excludes that day but moves nothing forward, so its roll-over is not named.
    public var countingWords: LocalizedText? {
        if counting == .working || period.length.unit == .hours { return nil }
        if counting == .regulation1182 && !kind.actsWithin {
            return LocalizedText(fr: "règlement 1182/71, jour de départ exclu, sans report", en: "Regulation 1182/71, first day excluded, no roll-over")
        }
        return counting.label
    }
}

extension DataProcessingAgreement {
    /// The calculator of the party that must act under a term of this agreement: the processor, or the
    /// first controller; its time zone, and the calendar the agreement names or else that of its country.
    public func calculator(for kind: ContractTerm.Kind, in register: Register) -> DeadlineCalculator {
        let party = kind.obligedParty == .processor ? processor : (controllers.first ?? processor)
        return DeadlineCalculator.for(party, in: register, calendar: calendar)
    }

    /// The reading of a term from `eventDay`, in the calendar of the party that must act, or nil when the
    /// agreement does not state it.
    public func reading(
        _ kind: ContractTerm.Kind, from eventDay: CalendarDate, in register: Register, strictFor party: ContractTerm.Kind.Party? = nil
    ) -> TermReading? {
        TermReading(statements(of: kind), from: eventDay, calculator: calculator(for: kind, in: register), strictFor: party)
    }
}
