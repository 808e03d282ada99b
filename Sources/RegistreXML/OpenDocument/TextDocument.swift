/// A text document as OpenDocument writes it: a title and a sequence of headings, paragraphs, lists and
/// tables. The content is plain text; the writer gives it its structure and styles.
package struct TextDocument: Hashable, Sendable {
    package enum Block: Hashable, Sendable {
        /// A heading of outline level 1 (the document's parts) to 3.
        case heading(level: Int, text: String)
        case paragraph(String)
        /// A bulleted list, one item a line.
        case list([String])
        /// A table of text cells, the first column read as the row's label.
        case table([[String]])
    }

    package var title: String
    /// The BCP 47 language of the text ("fr", "en"), so that spelling and hyphenation follow it.
    package var language: String
    package var blocks: [Block]

    package init(title: String, language: String, blocks: [Block]) {
        self.title = title
        self.language = language
        self.blocks = blocks
    }
}
