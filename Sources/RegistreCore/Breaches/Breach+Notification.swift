public import Foundation

extension Breach {
    /// Records a notification to the supervisory authority sent at `at`: the initial one if none was
    /// recorded yet, a follow-up otherwise or when `followUp` says so (Art. 33(4): the information may be
    /// provided in phases). What `registre breach notify` and the desk's breach page both record.
    public mutating func recordNotification(at: Date, reference: String? = nil, complete: Bool = false, followUp: Bool = false) {
        notifications.append(AuthorityNotification(
            kind: followUp || initialNotification != nil ? .followUp : .initial, at: at, reference: reference, complete: complete))
    }
}
