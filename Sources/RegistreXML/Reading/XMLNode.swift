/// An element of a document that has already passed the schema: its name, attributes, children and text,
/// and the line it starts on, so that what the decoder finds wrong can be located.
struct XMLNode: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [XMLNode]
    var text: String
    var line: Int
    /// Whether it holds elements (then its own text is only the spacing between them).
    var hasElements = false

    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    /// The text of the child element `name`, if there is one.
    func text(of name: String) -> String? { child(name)?.text }
    func texts(of name: String) -> [String] { children(name).map(\.text) }
}
