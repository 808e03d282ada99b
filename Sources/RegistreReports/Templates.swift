import Mustache

/// The text layouts of `Templates/`, compiled into the module at build time and parsed once.
enum Templates {
    /// Every template, registered under its file name without `.mustache` ("register.fr").
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (file, source) in EmbeddedResources.files {
            do {
                try library.register(source, named: String(file.dropLast(".mustache".count)))
            } catch {
                fatalError("Templates/\(file) does not parse: \(error)")
            }
        }
        return library
    }()

    /// Renders the template `name` in `language`, e.g. `register` in French is `register.fr`.
    /// Reports for people are folded at the width of a page; reports for programs keep one record a line.
    static func render(_ name: String, _ language: String, _ view: [String: Any], folded: Bool = true) -> String {
        guard let text = library.render(view, withTemplate: "\(name).\(language)") else {
            fatalError("Templates/\(name).\(language).mustache is missing from the build")
        }
        // Every printed report ends its last line, whatever the template's last section did, and no
        // line runs past the width of a page.
        let wrapped = folded ? TextWrapping.wrap(text) : text
        return wrapped.hasSuffix("\n") ? wrapped : wrapped + "\n"
    }
}
