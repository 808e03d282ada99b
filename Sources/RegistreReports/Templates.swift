import Foundation
import Mustache

/// The text layouts of `Templates/`, compiled into the module at build time and parsed once.
enum Templates {
    /// Renders the template `name` in `language`, e.g. `register` in French is `register.fr`.
    /// Reports for people are folded at the width of a page; reports for programs keep one record a line.
    /// Only the template asked for is parsed: a command prints one report, and parsing them all would
    /// cost every command, `check` of a large register included.
    /// `endsLine: false` for a piece of a larger report, which may be empty.
    static func render(_ name: String, _ language: String, _ view: [String: Any], folded: Bool = true, endsLine: Bool = true) -> String {
        let file = "\(name).\(language).mustache"
        guard let source = EmbeddedResources.files[file] else {
            fatalError("Templates/\(file) is missing from the build")
        }
        return finish(parsed(file, source).render(view), folded: folded, endsLine: endsLine)
    }

    /// A rendered text as a report prints it: each value's line breaks laid out (`ReportText.layOut(_:)`),
    /// folded at the width of a page when `folded`; with `endsLine`, its last line ended. The pieces that
    /// code writes rather than a template (`ActivityText`) go through it as the templates' text does.
    static func finish(_ rendered: String, folded: Bool, endsLine: Bool) -> String {
        let text = ReportText.layOut(rendered)
        // Every printed report ends its last line, whatever the template's last section did, and no
        // line runs past the width of a page.
        let wrapped = folded ? TextWrapping.wrap(text) : text
        return !endsLine || wrapped.hasSuffix("\n") ? wrapped : wrapped + "\n"
    }

    /// Each template is parsed once per run: a journal of a million entries renders one template a
    /// million times.
    private static func parsed(_ file: String, _ source: String) -> MustacheTemplate {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let template = cache.templates[file] { return template }
        _ = ReportText.registered
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: source)
        } catch {
            fatalError("Templates/\(file) does not parse: \(error)")
        }
        cache.templates[file] = template
        return template
    }

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var templates: [String: MustacheTemplate] = [:]
    }

    private static let cache = Cache()
}
