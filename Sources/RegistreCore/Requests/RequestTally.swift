public import Foundation

/// The counts of the register of requests, for one organisation or all of them: how many requests, per
/// right invoked and per outcome, how many were extended, and whether they were answered in time
/// (Art. 12(3)), so that the controller can show how it handles the people's rights (Art. 5(2)).
///
/// A request invoking several rights counts once under each. "In time" is read at the moment the
/// register is drawn up: the share answered in time is taken among the requests whose time has come,
/// answered (in time or late) or unanswered past their last day; a request still running, or waiting
/// for the person to confirm their identity, is in neither part of it.
public struct RequestTally: Hashable, Sendable {
    /// How many requests.
    public private(set) var requests = 0
    /// How many invoke each right.
    public private(set) var byRight: [DataSubjectRight: Int] = [:]
    /// How many were answered with each outcome.
    public private(set) var byOutcome: [RequestAnswer.Outcome: Int] = [:]
    /// How many have no answer yet.
    public private(set) var unanswered = 0
    /// How many record an extension by two further months, whether or not it holds.
    public private(set) var extended = 0
    /// How many were answered on or before their last day.
    public private(set) var answeredInTime = 0
    /// How many were answered after their last day.
    public private(set) var answeredLate = 0
    /// How many are unanswered past their last day.
    public private(set) var overdue = 0

    /// No request counted yet.
    public init() {}

    /// Counts `request`, whose clock is `clock`, as it stands at `now`.
    /// - Parameters:
    ///   - request: the request.
    ///   - clock: its clock (``RequestClock``), in its controller's calendar.
    ///   - now: the moment the register is drawn up at.
    public mutating func count(_ request: DataSubjectRequest, clock: RequestClock, now: Date) {
        requests += 1
        // Each right once, whatever the request repeats.
        for right in Set(request.rights) { byRight[right, default: 0] += 1 }
        if let answer = request.answer {
            byOutcome[answer.outcome, default: 0] += 1
        } else {
            unanswered += 1
        }
        if request.extended != nil { extended += 1 }
        switch clock.state(at: now) {
        case .answeredInTime: answeredInTime += 1
        case .answeredLate: answeredLate += 1
        case .overdue: overdue += 1
        case .running, .dueSoon, .awaitingIdentity: break
        }
    }

    /// How many requests' time has come: answered, or unanswered past their last day.
    public var due: Int { answeredInTime + answeredLate + overdue }

    /// The share of ``due`` answered in time, from 0 to 1; nil when no request's time has come.
    public var inTimeShare: Double? {
        due == 0 ? nil : Double(answeredInTime) / Double(due)
    }

    /// The share in time as a whole percentage, rounded half up: "67 %"; "-" when no request's time has come.
    public var inTimePercent: String {
        guard due > 0 else { return "-" }
        return "\((answeredInTime * 200 + due) / (due * 2)) %"
    }
}
