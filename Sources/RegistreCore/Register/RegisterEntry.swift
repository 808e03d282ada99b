/// One entry of a register as a stream gives it: registers too large to hold in memory are read, checked,
/// imported and written one entry at a time, in the order of the format.
public enum RegisterEntry: Sendable {
    case title(String?)
    case organisation(Organisation)
    case activity(ProcessingActivity)
    case processorRecord(ProcessorRecord)
    case agreement(DataProcessingAgreement)
    case matrix(ResponsibilityMatrix)
    case audit(AuditRequest)
    case breach(Breach)
    case campaign(ReviewCampaign)
}

extension Register {
    /// Adds a streamed entry to the register.
    public mutating func append(_ entry: RegisterEntry) {
        switch entry {
        case .title(let title): self.title = title
        case .organisation(let organisation): organisations.append(organisation)
        case .activity(let activity): activities.append(activity)
        case .processorRecord(let record): processorRecords.append(record)
        case .agreement(let agreement): agreements.append(agreement)
        case .matrix(let matrix): matrices.append(matrix)
        case .audit(let audit): audits.append(audit)
        case .breach(let breach): breaches.append(breach)
        case .campaign(let campaign): campaigns.append(campaign)
        }
    }

    /// The register's entries in the order of the format.
    public var entries: [RegisterEntry] {
        [.title(title)] + organisations.map(RegisterEntry.organisation) + activities.map(RegisterEntry.activity)
            + processorRecords.map(RegisterEntry.processorRecord) + agreements.map(RegisterEntry.agreement)
            + matrices.map(RegisterEntry.matrix) + audits.map(RegisterEntry.audit) + breaches.map(RegisterEntry.breach)
            + campaigns.map(RegisterEntry.campaign)
    }
}
