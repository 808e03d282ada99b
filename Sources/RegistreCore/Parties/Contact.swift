/// A person or service that can be reached: a data protection officer, a representative, a contact point.
/// Art. 30(1)(a) and 30(2)(a) ask for "name and contact details".
public struct Contact: Hashable, Sendable, Codable {
    /// The person's name, or the service's.
    public var name: String
    /// The function, e.g. "Délégué à la protection des données", "Directeur général".
    public var role: String?
    /// An e-mail address.
    public var email: String?
    /// A telephone number.
    public var phone: String?
    /// A postal address.
    public var address: String?

    /// A contact; only the name is required.
    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil, address: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.address = address
    }

    /// Whether someone reading the register could actually reach this contact.
    public var isReachable: Bool { email != nil || phone != nil || address != nil }
}
