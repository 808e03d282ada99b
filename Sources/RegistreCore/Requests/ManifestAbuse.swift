/// A request the controller holds manifestly unfounded or excessive (Art. 12(5)): the controller may
/// charge a reasonable fee or refuse to act, and "shall bear the burden of demonstrating" it, so the
/// reasoning is kept with the request.
public struct ManifestAbuse: Hashable, Sendable, Codable {
    /// Which of the two grounds of Art. 12(5).
    public enum Ground: String, CaseIterable, Hashable, Sendable, Codable {
        /// Manifestly unfounded.
        case unfounded
        /// Manifestly excessive, in particular because of its repetitive character.
        case excessive
    }

    /// The ground.
    public var ground: Ground
    /// The controller's demonstration, in words.
    public var reasoning: String?

    /// A request held manifestly `ground`, for `reasoning`.
    public init(ground: Ground, reasoning: String? = nil) {
        self.ground = ground
        self.reasoning = reasoning
    }
}
