extension DataProcessingAgreement {
    /// The last day the controllers may object to `change` (Art. 28(2)): the agreement's objection window
    /// counted from the day the notice was received, under the statement strictest for the controller
    /// (``TermReading``), in its calendar; nil when the agreement sets no objection window (nothing to
    /// compute, the rules say so).
    ///
    /// The same day `deadlines` lists. The rule `ART28-2-CHANGE-BEFORE-DEADLINE`, which judges the
    /// processor, waits until every statement of the window has closed.
    public func objectionDeadline(for change: SubProcessorChange, in register: Register) -> CalendarDate? {
        reading(.objectionWindow, from: change.noticeDate, in: register)?.day
    }
}
