extension DataProcessingAgreement {
    /// The last day the controllers may object to `change` (Art. 28(2)): the agreement's objection period
    /// counted from the day the notice was received, in the processor's time zone and working days; nil
    /// when the agreement sets no objection period (nothing to compute, the rules say so).
    ///
    /// The same day `deadlines` lists and the rule `ART28-2-CHANGE-BEFORE-DEADLINE` compares with.
    public func objectionDeadline(for change: SubProcessorChange, in register: Register) -> CalendarDate? {
        guard let window = subProcessorAuthorisation?.objectionPeriod else { return nil }
        return DeadlineCalculator.for(processor, in: register).lastDay(of: window, after: change.noticeDate)
    }
}
