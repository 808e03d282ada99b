import Hummingbird
import Mustache
import RegistreCore

/// The desk's pages, rendered on the server from `Templates/desk/` (embedded in the binary) inside one
/// layout. Mustache escapes every value for HTML: whatever a user typed (`<script>`, `{{`) is shown as
/// text, never run and never read as a template.
enum Page {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (file, source) in EmbeddedResources.files where file.hasSuffix(".mustache") {
            do {
                try library.register(source, named: String(file.dropLast(".mustache".count)))
            } catch {
                fatalError("Templates/desk/\(file) does not parse: \(error)")
            }
        }
        return library
    }()

    static let stylesheet = EmbeddedResources.files["desk.css"] ?? ""

    /// The page `name` for a signed-in `visit` (or a visitor when nil), in `language`.
    static func html(
        _ name: String, title: String, view: [String: Any], visit: Visit?, language: Language,
        path: String = "/", status: HTTPResponse.Status = .ok
    ) -> Response {
        var common: [String: Any] = [
            "lang": language.rawValue,
            "t": Wording.table(language),
            "title": title,
            "path": path,
            "otherLanguage": language == .fr ? "en" : "fr",
            "otherLanguageName": language == .fr ? "English" : "Français",
        ]
        if let visit {
            common["signedIn"] = true
            common["login"] = visit.account.login
            common["csrf"] = visit.csrf
            common["isAdmin"] = visit.policy.administersAccounts
            common["navigation"] = navigation(at: path, language: language, requests: true) + (visit.policy.administersAccounts ? administration(at: path, language: language) : [])
            // The entry's version is the sequence of its last journal entry: the one this save wrote.
            if visit.saved, let version = view["version"] as? String, !version.isEmpty {
                common["savedNotice"] = LocalizedText(
                    fr: "Enregistré (entrée du journal n° \(version)).", en: "Saved (journal entry no. \(version)).")[language]
            }
        }
        let bodyView = common.merging(view) { _, page in page }
        guard let body = library.render(bodyView, withTemplate: name) else { fatalError("Templates/desk/\(name).mustache is missing") }
        var layoutView = bodyView
        layoutView["body"] = body
        let page = library.render(layoutView, withTemplate: "layout") ?? body
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The main navigation, its link to `path` marked `aria-current="page"` and the link of the section
    /// `path` is in (an activity within "Activités") `aria-current="true"` (WCAG 2.4.8, RGAA 12.3).
    /// The link to the requests of the people (`requests`) is for every signed-in account: a reader's page there
    /// shows how many there are by state, never a request.
    static func navigation(at path: String, language: Language, requests: Bool = false) -> [[String: Any]] {
        var links = [
            ("/", "dashboard"), ("/organisations", "organisations"), ("/activities", "activities"), ("/register", "register"),
            ("/agreements", "agreementsNav"), ("/breaches", "breaches"), ("/structures", "structures"), ("/history", "history"), ("/calendar", "calendarNav"),
        ]
        if requests { links.insert(("/requests", "requests"), at: 6) }
        return links.map { link, word in
            // Always set, false when not current: a missing key would be looked up in the page's own view.
            let current: Any = path == link ? "page" : (link != "/" && path.hasPrefix(link + "/")) ? "true" : false
            let label = word == "requests" ? RequestWords.text(word, language) : Wording.text(word, language)
            return ["href": link, "label": label, "navCurrent": current]
        }
    }

    /// The link to the administration, for administrators only, marked as the other links are.
    static func administration(at path: String, language: Language) -> [[String: Any]] {
        let current: Any = path == "/admin" ? "page" : path.hasPrefix("/admin/") ? "true" : false
        return [["href": "/admin", "label": StructureWording.text("admin", language), "navCurrent": current]]
    }

    /// The page for an address that names nothing the account may see: the same whether the entry does
    /// not exist or belongs to an organisation the account was not given, so that it learns nothing.
    static func notFound(_ visit: Visit) -> Response {
        html("not-found", title: Wording.text("notFound", visit.language), view: [:], visit: visit, language: visit.language, status: .notFound)
    }

    /// After a save: the entry's page, which then says it was saved (``Visit/saved``).
    static func saved(to location: String) -> Response {
        redirect(to: location + (location.contains("?") ? "&" : "?") + "saved")
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func download(_ bytes: [UInt8], type: String, filename: String) -> Response {
        download(type: type, filename: filename, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A download whose body is written as it is made (``StreamedBody``).
    static func download(type: String, filename: String, body: ResponseBody) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""], body: body)
    }
}
