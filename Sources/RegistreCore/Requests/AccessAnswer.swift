/// What an answer to an access request says of the processing (Art. 15(1)(a) to (h)), taken from the
/// register's own activities that the request names: the purposes, the categories of data, the
/// recipients, the retention, the transfers, and what the register does not keep (the source, Art.
/// 15(1)(g)), so that the answer says exactly what the register says and no more.
public struct AccessAnswer: Hashable, Sendable {
    /// One activity of the answer.
    public struct Processing: Hashable, Sendable {
        /// The activity's id.
        public var id: EntityID
        /// Its name.
        public var name: String
        /// Art. 15(1)(a).
        public var purposes: [String]
        /// Art. 15(1)(b).
        public var dataCategories: [String]
        /// Art. 15(1)(c): recipients or categories of recipients.
        public var recipients: [String]
        /// Art. 15(1)(c) and (2): the countries outside the Union the data go to, with their safeguard.
        public var transfers: [String]
        /// Art. 15(1)(d): the retention, or the criteria that set it.
        public var retention: [LocalizedText]
    }

    /// The activities, in the order the request names them; an id the register no longer holds is left out.
    public var processing: [Processing]
    /// The ids the request names that the register does not hold.
    public var missing: [EntityID]

    /// The answer to `request` from `register`'s activities.
    /// - Parameters:
    ///   - request: the request; its activities, in its order.
    ///   - register: holds the activities.
    public init(_ request: DataSubjectRequest, in register: Register) {
        var processing: [Processing] = []
        var missing: [EntityID] = []
        for id in request.activities {
            guard let activity = register.activities.first(where: { $0.id == id }) else {
                missing.append(id)
                continue
            }
            processing.append(Processing(
                id: activity.id, name: activity.name, purposes: activity.purposes, dataCategories: activity.dataCategories.map(\.label),
                recipients: activity.recipients.map(\.label),
                transfers: activity.transfers.map(Self.words),
                retention: activity.retention.map(Self.words)))
        }
        self.processing = processing
        self.missing = missing
    }

    private static func words(_ transfer: Transfer) -> String {
        let place = switch transfer.destination {
        case .country(let code): code
        case .internationalOrganisation(let name): name
        }
        return ([transfer.recipient, place] + (transfer.safeguard.map { [$0.article] } ?? [])).joined(separator: ", ")
    }

    private static func words(_ period: RetentionPeriod) -> LocalizedText {
        let data = period.data.map { LocalizedText(fr: "\($0) : ", en: "\($0): ") } ?? LocalizedText(fr: "", en: "")
        switch period.rule {
        case .criterion(let text):
            return LocalizedText(fr: data.fr + text, en: data.en + text)
        case .duration(let length, let from):
            let words = PeriodWords.describe(DeadlinePeriod(length.value, length.unit))
            let start = from.map { LocalizedText(fr: " à compter de \($0)", en: " from \($0)") } ?? LocalizedText(fr: "", en: "")
            return LocalizedText(fr: data.fr + words.fr + start.fr, en: data.en + words.en + start.en)
        }
    }
}
