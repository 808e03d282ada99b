import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService

extension Desk {
    /// The documents of the requests (issue 27): a request's letters, the acknowledgement of receipt and
    /// the answer, from its page; and the register of requests, from the list. The same functions as
    /// `registre request document` and `registre request register` (`RequestDocuments`), so the same
    /// bytes. A request names a person: only the accounts that may read it (dpo and admin of its
    /// controller, `AccessPolicy.mayRead(_:)`) get its letters; the register holds only the requests the
    /// account reads, and a reader gets nothing.
    func addRequestDocumentRoutes(to router: Router<BasicRequestContext>) {
        // /requests/ID/letter/answer.odt, /requests/ID/letter/acknowledgement.txt
        router.get("/requests/{id}/letter/{file}") { request, context in
            try await self.signedIn(request, reading: Self.requestReading(context)) { visit in
                let file = context.parameters.get("file") ?? ""
                let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = RequestLetter.Kind(rawValue: parts[0]),
                      let format = RequestDocuments.LetterFormat(rawValue: parts[1] == "txt" ? "text" : parts[1]),
                      let id = context.parameters.get("id"),
                      let shown = visit.register.requests.first(where: { $0.id == id }), visit.policy.mayRead(shown)
                else { return Page.notFound(visit) }
                let bytes = try RequestDocuments.letter(kind, of: shown, in: visit.register, as: format, now: visit.now, language: visit.language)
                return Page.download(bytes, type: format.mediaType, filename: RequestDocuments.letterFileName(kind, of: shown.id, as: format))
            }
        }
        // /download/requests/register.ods?organisation=ID or ?structure=ID
        router.get("/download/requests/{file}") { request, context in
            try await self.signedIn(request) { visit in
                guard visit.policy.role != .reader, let (scope, format) = Self.requestRegisterAsked(request, context, visit) else {
                    return Page.notFound(visit)
                }
                let store = self.store, policy = visit.policy, language = visit.language, now = visit.now
                let name = "registre-demandes" + (scope.organisation.map { "-\($0)" } ?? "") + ".\(format.fileExtension)"
                // Streamed as it is made, from one read transaction: the requests the account reads only. In
                // every format memory holds a row, not the register (the spreadsheet is zipped on the
                // disk, then streamed from there), so no size is refused.
                return Page.download(type: format.mediaType, filename: name, body: StreamedBody.bytes { emit in
                    try RequestDocuments.register(
                        of: store, scope: scope, as: format, language: language, now: now, admitted: { policy.mayRead($0) }, to: emit)
                })
            }
        }
    }

    /// The scope and the form of the register of requests asked for, checked against what the account
    /// reads: nil for a form registre does not write, or an organisation it does not hold or the account
    /// may not read.
    private static func requestRegisterAsked(
        _ request: Request, _ context: BasicRequestContext, _ visit: Visit
    ) -> (RequestRegister.Scope, RequestDocuments.RegisterFormat)? {
        let file = context.parameters.get("file") ?? ""
        guard file.hasPrefix("register."),
              let format = RequestDocuments.RegisterFormat(rawValue: file.dropFirst("register.".count) == "txt" ? "text" : String(file.dropFirst("register.".count)))
        else { return nil }
        func asked(_ name: String) -> String? { request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let organisation = asked("organisation") {
            guard visit.policy.mayRead(organisation: organisation), visit.register.organisation(organisation) != nil else { return nil }
            return (.controller(organisation), format)
        }
        if let structure = asked("structure") {
            guard visit.policy.mayRead(organisation: structure), visit.register.organisation(structure)?.members.isEmpty == false else { return nil }
            return (.membersOf(structure), format)
        }
        return (.whole, format)
    }
}

/// The words of the requests' documents on the desk's pages, in French and English.
enum RequestDocumentWords {
    static let texts: [String: LocalizedText] = [
        "documents": LocalizedText(fr: "Courriers", en: "Letters"),
        "acknowledgement": LocalizedText(fr: "Accusé de réception", en: "Acknowledgement of receipt"),
        "answer": LocalizedText(fr: "Réponse", en: "Answer"),
        "text": LocalizedText(fr: "texte", en: "text"),
        "odt": LocalizedText(fr: "ODT (traitement de texte)", en: "ODT (word processor)"),
        "register": LocalizedText(fr: "Registre des demandes", en: "Register of requests"),
        "registerHint": LocalizedText(
            fr: "les demandes que vous pouvez lire, avec le décompte par droit, par issue et la part répondue dans le délai",
            en: "the requests you may read, with the counts per right, per outcome and the share answered in time"),
        "xml": LocalizedText(fr: "XML", en: "XML"),
        "ods": LocalizedText(fr: "ODS (tableur)", en: "ODS (spreadsheet)"),
        "draftHint": LocalizedText(
            fr: "brouillons tirés du registre : complétez ce qui est marqué « [à compléter] » avant l'envoi",
            en: "drafts drawn from the register: complete what is marked '[to be completed]' before sending"),
    ]

    /// Every word in `language`, for a template's `d.` keys.
    static func table(_ language: Language) -> [String: String] { texts.mapValues { $0[language] } }
}
