public import Foundation
public import RegistreCore
import RegistreDocuments
public import RegistreStore

/// The deadlines of the register, written once for `registre deadlines` and the desk's calendar feed:
/// which entries are read, which deadlines concern which organisations, and the iCalendar file.
public enum RegisterDeadlines {
    /// The kinds the schedule reads; activities are read only for the organisations
    /// `DeadlineSchedule.activityControllers` names (a campaign's members, a change notice's users), and
    /// requests only those not answered (`RegisterReading.unansweredRequests(_:)`): an answered request
    /// owes nothing more.
    public static let kinds: Set<EntityKind> = [.register, .organisation, .agreement, .audit, .breach, .campaign, .request]

    /// The deadlines of `register` at `now`, soonest first, within `horizon` (nil: all) and, when
    /// `organisations` is given, only those that concern one of them (`ScheduledDeadline.concerns`).
    public static func scheduled(
        in register: Register, now: Date, within horizon: DeadlinePeriod? = nil, concerning organisations: Set<EntityID>? = nil
    ) -> [ScheduledDeadline] {
        DeadlineSchedule.deadlines(in: register, now: now, within: horizon).filter { deadline in
            organisations.map { $0.contains { deadline.concerns($0, in: register) } } ?? true
        }
    }

    /// What the schedule reads of the register of record, in one read transaction: ``kinds`` whole but the
    /// requests (those not answered only), and the activities of the organisations the schedule asks for.
    ///
    /// With `namedOnly`, the agreements and breaches read are only those that may give a deadline (as the
    /// store keeps them: `RegisterReading.deadlineSources`), and the organisations read only those the
    /// entries read name (and their members), and the ids `namedOnly` gives: the schedule looks
    /// organisations up by id only (a time zone, a structure's members), and a register of a million
    /// activities holds ten thousand organisations and a thousand agreements that no deadline names.
    /// Without it, every organisation, agreement and breach, for a caller that lists them (the desk's
    /// access policy).
    /// - Parameters:
    ///   - store: the register of record.
    ///   - namedOnly: nil to read every organisation; else the organisations to read besides those named.
    /// - Throws: `StoreError`.
    public static func register(of store: RegisterStore, namedOnly: [EntityID]? = nil) throws -> Register {
        try store.read { reading in
            var register = Register()
            if namedOnly == nil {
                try reading.entries(only: kinds.subtracting([.request])) { register.append($0) }
            } else {
                try reading.entries(only: kinds.subtracting([.organisation, .request]).subtracting(DeadlineSchedule.sourceKinds)) { register.append($0) }
                try reading.deadlineSources { register.append($0) }
            }
            try reading.unansweredRequests { register.requests.append($0) }
            if let namedOnly { register.organisations = try reading.organisations(namedIn: register, and: namedOnly) }
            for organisation in DeadlineSchedule.activityControllers(in: register) {
                try reading.forEachActivity(controlledBy: organisation) { register.append(.activity($0)) }
            }
            // The activities' parties too (their processors), as a whole register would have them.
            if let namedOnly { register.organisations = try reading.organisations(namedIn: register, and: namedOnly) }
            return register
        }
    }

    /// `deadlines` as an iCalendar file (RFC 5545) called `name`, stamped `now`: lines of at most 75
    /// octets ending in CRLF, text values escaped.
    public static func calendar(_ deadlines: [ScheduledDeadline], now: Date, name: String, language: Language) -> String {
        DeadlineCalendar.ics(deadlines, now: now, name: name, language: language)
    }
}
