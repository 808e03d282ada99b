extension ProcessingActivity {
    /// The activity as the rules across entries read it: its identity, dates, controller, processors and
    /// transfers. A check keeps this much of each activity until the agreements, which the format puts
    /// after the activities, have been read; a rule across entries that needs another field adds it here.
    var acrossEntriesSummary: ProcessingActivity {
        ProcessingActivity(
            id: id, name: name, status: status, created: created, lastReviewed: lastReviewed, controller: controller,
            transfers: transfers, processors: processors)
    }
}

extension ProcessorRecord {
    /// The record as the rules across entries read it: its parties and its sub-processors.
    var acrossEntriesSummary: ProcessorRecord {
        ProcessorRecord(id: id, processor: processor, controller: controller, subProcessors: subProcessors)
    }
}
