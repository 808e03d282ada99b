import Foundation
import Hummingbird
import RegistreCore
import RegistreService
import RegistreStore

extension Desk {
    /// "Version imprimable": one organisation's printed register as a document — a first page with the
    /// controller, its representatives, the DPO and their contacts, the date printed and a table of
    /// contents, then every part of `export --format text` for that organisation (the same function,
    /// `RegisterExports.printedParts`), one activity a page, the organisation and "page X / Y" on every
    /// page (`print.css`). Streamed as it is made (``StreamedBody``).
    func addPrintRoutes(to router: Router<BasicRequestContext>) {
        router.get("/organisations/{id}/print") { request, context in
            try await self.signedIn(request) { visit in
                guard let id = context.parameters.get("id"), visit.policy.mayRead(organisation: id),
                      let organisation = visit.register.organisation(id)
                else { return Page.notFound(visit) }
                let store = self.store, language = visit.language, now = visit.now
                let body = StreamedBody.body { emit in
                    try PrintedDocument.write(organisation, store: store, language: language, now: now, emit)
                }
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: body)
            }
        }
        router.get("/organisations/{id}/print.css") { request, context in
            try await self.signedIn(request) { visit in
                guard let id = context.parameters.get("id"), visit.policy.mayRead(organisation: id),
                      let organisation = visit.register.organisation(id)
                else { return Page.notFound(visit) }
                return Response(
                    status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: PrintedDocument.pageStyle(organisation.name))))
            }
        }
    }
}

/// The printed register's HTML, made from the templates `print-first` (the first page: identities, date
/// printed, table of contents), `print-part` (one part of the text export) and `print-end`.
enum PrintedDocument {
    /// The first page's view: what the table of contents lists is added by ``write``.
    static func firstPage(_ organisation: Organisation, language: Language, now: Date) -> [String: Any] {
        // An absent item is false, never "" (a section over "" would show) nor missing (a contact's missing
        // e-mail would be looked up in the organisation's).
        func shown(_ text: String?) -> Any { text.flatMap { $0.isEmpty ? nil : $0 } ?? false }
        func contact(_ contact: Contact?) -> Any {
            contact.map { ["name": $0.name, "role": shown($0.role), "email": shown($0.email), "phone": shown($0.phone), "address": shown($0.address)] }
                ?? false
        }
        var view: [String: Any] = [
            "lang": language.rawValue, "t": Wording.table(language),
            "title": Wording.text("printedRegister", language) + " — " + organisation.name,
            "id": organisation.id, "name": organisation.name, "address": shown(organisation.address), "email": shown(organisation.email),
            "phone": shown(organisation.phone), "printed": Instant.wallClock(now, in: OrganisationTimeZone.default),
        ]
        view["legalRepresentative"] = contact(organisation.legalRepresentative)
        view["euRepresentative"] = contact(organisation.euRepresentative)
        view["dpo"] = contact(organisation.dpo)
        return view
    }

    /// Writes the document: a first pass lists the activities and agreements for the table of contents
    /// (names only), the second writes the parts, each in its own read transaction.
    static func write(
        _ organisation: Organisation, store: RegisterStore, language: Language, now: Date, _ emit: (String) throws -> Void
    ) throws {
        let id = organisation.id
        var contents: [[String: Any]] = []
        try RegisterExports.printedParts(of: store, restrictedTo: id, language: language) { part in
            switch part {
            case .activity(let id, let name, _): contents.append(["anchor": "activity-\(id)", "name": name])
            case .agreement(let id, let name, _): contents.append(["anchor": "agreement-\(id)", "name": name])
            default: break
            }
        }
        var view = firstPage(organisation, language: language, now: now)
        view["contents"] = contents
        var pending = render("print-first", view)
        try RegisterExports.printedParts(of: store, restrictedTo: id, language: language) { part in
            pending += render("print-part", partView(part))
            if pending.utf8.count >= 1 << 14 {
                try emit(pending)
                pending = ""
            }
        }
        try emit(pending + render("print-end", view))
    }

    private static func partView(_ part: RegisterExports.PrintedPart) -> [String: Any] {
        switch part {
        case .activity(let id, let name, let text): ["anchor": "activity-\(id)", "heading": name, "text": text, "sheet": true]
        case .agreement(let id, let name, let text): ["anchor": "agreement-\(id)", "heading": name, "text": text, "sheet": true]
        case .head(let text), .controller(_, let text), .processors(let text): ["text": text, "sheet": false]
        }
    }

    private static func render(_ template: String, _ view: [String: Any]) -> String {
        guard let text = Page.library.render(view, withTemplate: template) else { fatalError("Templates/desk/\(template).mustache is missing") }
        return text
    }

    /// The page box of the printed register: the organisation's name at the top of every page, "page X / Y"
    /// at the bottom (CSS paged media, served as a file: the desk's policy allows no inline style).
    static func pageStyle(_ name: String) -> String {
        let quoted = name.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\\", "\"": "\\" + String(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: "\\" + String(scalar.value, radix: 16) + " "
            default: String(scalar)
            }
        }.joined()
        return """
            @page { margin: 2cm 1.5cm; @top-left { content: "\(quoted)"; font-size: 9pt; } \
            @bottom-right { content: "page " counter(page) " / " counter(pages); font-size: 9pt; } }

            """
    }
}
