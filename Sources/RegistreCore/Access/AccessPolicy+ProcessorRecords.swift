extension AccessPolicy {
    /// A processor's record (Art. 30(2)) is the processor's: read by whoever may read the processor.
    public func mayRead(_ record: ProcessorRecord) -> Bool { mayRead(organisation: record.processor) }

    /// And kept by whoever keeps the processor's register.
    public func mayEdit(_ record: ProcessorRecord) -> Bool { mayEdit(organisation: record.processor) }
}
