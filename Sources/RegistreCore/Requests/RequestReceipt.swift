/// How a request reached the controller. The one-month period of Art. 12(3) runs from its receipt by any
/// of the controller's channels, not from the day the DPO saw it (EDPB Guidelines 01/2022, §5.3 “Timing for the provision of access”).
public struct RequestReceipt: Hashable, Sendable, Codable {
    /// The means the person used.
    public enum Channel: String, CaseIterable, Hashable, Sendable, Codable {
        /// A letter.
        case letter
        /// An e-mail: Art. 12(3) asks for an answer by electronic means where possible.
        case email = "e-mail"
        /// A form, on paper or online.
        case form
        /// In person, at a desk.
        case inPerson = "in-person"
    }

    /// The day the request reached the controller.
    public var day: CalendarDate
    /// How it came.
    public var channel: Channel
    /// The service that received it when it did not come through the DPO (« service état civil »); nil
    /// when it came through the DPO.
    public var service: String?

    /// A request received on `day` by `channel`, through `service` (nil: through the DPO).
    public init(day: CalendarDate, channel: Channel, service: String? = nil) {
        self.day = day
        self.channel = channel
        self.service = service
    }
}
