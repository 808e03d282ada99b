/// A request from a person exercising one or more of the rights of Art. 15 to 22, as the controller keeps
/// it to show how it was handled (accountability, Art. 5(2)) and on time (Art. 12(3)).
///
/// The entry keeps no more of the person than handling the request needs (data minimisation,
/// Art. 5(1)(c)): the person is named by a reference the DPO chooses (a file number, never a name), and
/// the entry keeps dates, the rights invoked, the activities concerned and the answer's outcome — not the
/// request's letter, the proof of identity or the data given in answer. The record itself is kept for
/// ``retention`` after the answer (``defaultRetention`` when the entry sets none).
public struct DataSubjectRequest: Hashable, Sendable, Codable, Identifiable {
    /// The request's id in the register, `request-YYYYMMDD-N` when ``RequestOpening`` made it.
    public var id: EntityID
    /// The controller (an ``Organisation``'s id) the request is addressed to.
    public var controller: EntityID
    /// The reference the DPO chose for the person (« dossier 2026-014 »): never their name.
    public var person: String
    /// When and how the request arrived.
    public var receipt: RequestReceipt
    /// The rights invoked; at least one.
    public var rights: [DataSubjectRight]
    /// The processing activities of the register the request concerns: the answer to an access request
    /// takes their purposes, recipients, retention and sources from the register (Art. 15(1)).
    public var activities: [EntityID]
    /// Processing the request revealed that the register does not list (in words): a gap of the register
    /// itself (Art. 30(1)), which an answer under Art. 15(1) cannot describe from it.
    public var unregisteredProcessing: [String]
    /// The additional information asked to confirm the person's identity (Art. 12(6)).
    public var identity: IdentityVerification?
    /// The extension of the period by two further months (Art. 12(3)).
    public var extended: RequestExtension?
    /// A request held manifestly unfounded or excessive (Art. 12(5)).
    public var manifestAbuse: ManifestAbuse?
    /// The answer, once sent.
    public var answer: RequestAnswer?
    /// How Art. 19's duty to tell the recipients was met, for a rectification, erasure or restriction.
    public var recipients: RecipientNotification?
    /// How long the record of the request is kept after its answer (Art. 5(1)(e)); nil:
    /// ``defaultRetention``.
    public var retention: PeriodLength?

    /// A request `id` to `controller` from the person `person`, received as `receipt`, invoking `rights`;
    /// everything else starts empty.
    public init(
        id: EntityID, controller: EntityID, person: String, receipt: RequestReceipt, rights: [DataSubjectRight],
        activities: [EntityID] = [], unregisteredProcessing: [String] = [], identity: IdentityVerification? = nil,
        extended: RequestExtension? = nil, manifestAbuse: ManifestAbuse? = nil, answer: RequestAnswer? = nil,
        recipients: RecipientNotification? = nil, retention: PeriodLength? = nil
    ) {
        self.id = id
        self.controller = controller
        self.person = person
        self.receipt = receipt
        self.rights = rights
        self.activities = activities
        self.unregisteredProcessing = unregisteredProcessing
        self.identity = identity
        self.extended = extended
        self.manifestAbuse = manifestAbuse
        self.answer = answer
        self.recipients = recipients
        self.retention = retention
    }

    /// How long a request's record is kept after its answer when the entry does not say: five years, the
    /// general limitation period of French civil law (Code civil, art. 2224), during which the controller
    /// may have to show how it answered. The GDPR sets no figure.
    public static let defaultRetention = PeriodLength(5, .years)

    /// Whether the request invokes a right whose exercise Art. 19 asks to pass on to the recipients.
    public var notifiesRecipients: Bool { rights.contains(where: \.notifiesRecipients) }
}
