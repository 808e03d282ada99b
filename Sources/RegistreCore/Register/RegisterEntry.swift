/// One entry of a register as a stream gives it: registers too large to hold in memory are read, checked,
/// imported and written one entry at a time, in the order of the format.
public enum RegisterEntry: Sendable {
    /// The register's title, first in the stream, with the review period the register sets (Art. 24(1);
    /// nil: ``Register/defaultReviewPeriod``).
    case title(String?, reviewPeriod: PeriodLength? = nil)
    /// An organisation.
    case organisation(Organisation)
    /// A processing activity of a controller.
    case activity(ProcessingActivity)
    /// A processor's record.
    case processorRecord(ProcessorRecord)
    /// A data processing agreement.
    case agreement(DataProcessingAgreement)
    /// A responsibility matrix.
    case matrix(ResponsibilityMatrix)
    /// An audit request.
    case audit(AuditRequest)
    /// A breach.
    case breach(Breach)
    /// A review campaign of a mutualisation structure.
    case campaign(ReviewCampaign)
    /// A request of a person exercising their rights, last in the stream.
    case request(DataSubjectRequest)
}

extension Register {
    /// Adds a streamed entry to the register.
    public mutating func append(_ entry: RegisterEntry) {
        switch entry {
        case .title(let title, let period):
            self.title = title
            reviewPeriod = period
        case .organisation(let organisation): organisations.append(organisation)
        case .activity(let activity): activities.append(activity)
        case .processorRecord(let record): processorRecords.append(record)
        case .agreement(let agreement): agreements.append(agreement)
        case .matrix(let matrix): matrices.append(matrix)
        case .audit(let audit): audits.append(audit)
        case .breach(let breach): breaches.append(breach)
        case .campaign(let campaign): campaigns.append(campaign)
        case .request(let request): requests.append(request)
        }
    }

    /// The register's entries in the order of the format.
    public var entries: [RegisterEntry] {
        [.title(title, reviewPeriod: reviewPeriod)] + organisations.map(RegisterEntry.organisation) + activities.map(RegisterEntry.activity)
            + processorRecords.map(RegisterEntry.processorRecord) + agreements.map(RegisterEntry.agreement)
            + matrices.map(RegisterEntry.matrix) + audits.map(RegisterEntry.audit) + breaches.map(RegisterEntry.breach)
            + campaigns.map(RegisterEntry.campaign) + requests.map(RegisterEntry.request)
    }
}
