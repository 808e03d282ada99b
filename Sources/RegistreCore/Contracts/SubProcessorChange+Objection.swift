extension DataProcessingAgreement {
    /// The last day the controllers may object to `change` (Art. 28(2)): the agreement's objection window
    /// read from the day the notice was received (``reading(_:from:in:)``, the stricter statement of the
    /// term, in the calendar of the controller who may object); nil when the agreement sets no window.
    ///
    /// The same day `deadlines` lists (``ObjectionWindow``) and the rule `ART28-2-CHANGE-BEFORE-DEADLINE`
    /// compares with.
    public func objectionDeadline(for change: SubProcessorChange, in register: Register) -> CalendarDate? {
        reading(.objectionWindow, from: change.noticeDate, in: register)?.day
    }
}
