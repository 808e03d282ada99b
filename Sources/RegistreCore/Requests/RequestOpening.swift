/// How a request is opened: the day it reached the controller gives its id, which the DPO quotes in the
/// acknowledgement and the answer.
public enum RequestOpening {
    /// The id a new request gets when none is given, for the command line and the desk alike:
    /// `request-YYYYMMDD-N`, the day of receipt and N the first number free in the register.
    /// - Parameters:
    ///   - received: the day the request reached the controller.
    ///   - isUsed: whether an id is already used anywhere in the register.
    /// - Throws: what `isUsed` throws.
    public static func defaultID(received: CalendarDate, isUsed: (EntityID) throws -> Bool) rethrows -> EntityID {
        let day = received.iso.replacingOccurrences(of: "-", with: "")
        var number = 1
        while try isUsed("request-\(day)-\(number)") { number += 1 }
        return "request-\(day)-\(number)"
    }
}
