extension DataProcessingAgreement {
    /// The last day the controllers may object to `change` (Art. 28(2)): the agreement's objection period
    /// counted from the day the notice was received, under the stricter of its statements, in the calendar
    /// of the controller who may object; nil when the agreement sets no objection period (nothing to
    /// compute, the rules say so).
    ///
    /// The same day `deadlines` lists and the rule `ART28-2-CHANGE-BEFORE-DEADLINE` compares with.
    public func objectionDeadline(for change: SubProcessorChange, in register: Register) -> CalendarDate? {
        // The same reading as `deadlines` (``ObjectionWindow``): every statement of the term, the stricter
        // for the controller, in the controller's calendar.
        reading(.objectionWindow, from: change.noticeDate, in: register)?.day
    }
}
