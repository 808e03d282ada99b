/// What an answer to an access request says of the processing (Art. 15(1)(a) to (h)), taken from the
/// register's own activities that the request names: the purposes (a), the categories of data (b), the
/// recipients (c) and transfers (Art. 15(2)), the retention (d), and the rights of (e) as the activity's
/// lawful bases leave them; so that the answer says exactly what the register says and no more.
///
/// The right to complain to a supervisory authority (f) is the same for every processing: the answer's
/// letter says it once. The register keeps neither the source of data not collected from the person (g)
/// nor automated decision-making (h): the letter leaves both for the controller to complete rather than
/// say what the register does not know. Only the activities the request's controller records are
/// described: an activity of another organisation named by mistake is left out (``elsewhere``), never
/// disclosed.
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
        /// The lawful bases of Art. 6(1), as `Art. 6(1)(e)`: what the rights of (e) depend on.
        public var lawfulBases: [String]
        /// Art. 15(1)(e): the rights the person may exercise over this processing: rectification (Art. 16),
        /// erasure (Art. 17), restriction (Art. 18), and objection (Art. 21(1)) where the processing rests
        /// on a public task or legitimate interests, Art. 6(1)(e) or (f).
        public var rights: [DataSubjectRight]
    }

    /// The activities, in the order the request names them; an id the register no longer holds is left out.
    public var processing: [Processing]
    /// The ids the request names that the register does not hold.
    public var missing: [EntityID]
    /// The ids the request names of activities the register holds but the request's controller does not
    /// record: left out of the answer, which describes the controller's own processing only.
    public var elsewhere: [EntityID]

    /// The answer to `request` from `register`'s activities.
    /// - Parameters:
    ///   - request: the request; its activities, in its order.
    ///   - register: holds the activities.
    public init(_ request: DataSubjectRequest, in register: Register) {
        var processing: [Processing] = []
        var missing: [EntityID] = []
        var elsewhere: [EntityID] = []
        for id in request.activities {
            guard let activity = register.activities.first(where: { $0.id == id }) else {
                missing.append(id)
                continue
            }
            guard activity.isRecorded(by: request.controller) else {
                elsewhere.append(id)
                continue
            }
            processing.append(Processing(
                id: activity.id, name: activity.name, purposes: activity.purposes, dataCategories: activity.dataCategories.map(\.label),
                recipients: activity.recipients.map(\.label),
                transfers: activity.transfers.map(Self.words),
                retention: activity.retention.map(Self.words),
                lawfulBases: activity.legalBases.map(\.basis.article),
                rights: Self.rights(of: activity)))
        }
        self.processing = processing
        self.missing = missing
        self.elsewhere = elsewhere
    }

    /// The rights of Art. 15(1)(e) over `activity`: rectification, erasure and restriction always exist
    /// (their limits, such as Art. 17(3), are weighed on the request); objection only where the processing
    /// rests on Art. 6(1)(e) or (f) (Art. 21(1)).
    static func rights(of activity: ProcessingActivity) -> [DataSubjectRight] {
        let objectable = activity.legalBases.contains { $0.basis == .publicTask || $0.basis == .legitimateInterests }
        return [.rectification, .erasure, .restriction] + (objectable ? [.objection] : [])
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
