import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore
import RegistreXML

extension Desk {
    /// The largest file an upload takes: a register of a few thousand activities.
    static let uploadLimit = 8 << 20

    /// "Importer un registre": a CNIL-model spreadsheet, a Madis CSV export or a registre XML file, read by
    /// the command line's function (`RegisterFiles`), previewed as a dry run of the same import
    /// (`RegisterStore.replace`, entries absent from the file kept), then imported in one write transaction
    /// once confirmed — refused if the register moved since the preview. Only what the account may change.
    func addUploadRoutes(to router: Router<BasicRequestContext>) {
        router.get("/upload") { request, _ in
            try await self.signedIn(request) { visit in
                guard !visit.policy.editableOrganisations(of: visit.register).isEmpty else { return Page.notFound(visit) }
                return self.uploadPage(visit, preview: nil, errors: [:])
            }
        }
        router.post("/upload") { request, _ in
            // A visitor without a valid session sends no file to be read: its session is looked up before the
            // body is collected, so that no one signed out makes the server hold 8 MiB per connection.
            guard try await Self.offServerThreads({ try self.session(request) }) != nil else { return Page.redirect(to: "/sign-in") }
            guard let boundary = request.headers[.contentType].flatMap(MultipartBody.boundary(of:)) else {
                return Response(status: .unsupportedMediaType)
            }
            var request = request
            let body = try await request.collectBody(upTo: Self.uploadLimit + 64 * 1024)
            let bytes = Array(buffer: body)
            return try await self.signedIn(request) { visit in
                guard !visit.policy.editableOrganisations(of: visit.register).isEmpty else { return Page.notFound(visit) }
                guard let form = MultipartBody(bytes, boundary: boundary), FormBody.same(form.text("csrf"), visit.csrf) else {
                    return Page.html("refused", title: Wording.text("refused", visit.language), view: [:], visit: nil, language: visit.language, status: .forbidden)
                }
                return try self.preview(form, visit)
            }
        }
        router.post("/upload/{token}") { request, context in
            try await self.signedInForm(request) { visit, _ in
                guard let token = context.parameters.get("token"), let pending = self.uploads.find(token, login: visit.actor, now: visit.now),
                      !visit.policy.editableOrganisations(of: visit.register).isEmpty
                else { return Page.notFound(visit) }
                return try self.confirmUpload(token, pending, visit)
            }
        }
    }

    private func preview(_ form: MultipartBody, _ visit: Visit) throws -> Response {
        guard let file = form.part("file"), !file.bytes.isEmpty else {
            return uploadPage(visit, preview: nil, errors: ["file": UploadWords.noFile], status: .unprocessableContent)
        }
        guard file.bytes.count <= Self.uploadLimit else {
            return uploadPage(visit, preview: nil, errors: ["file": UploadWords.tooLarge], status: .contentTooLarge)
        }
        let origin: RegisterFiles.Origin = form.text("origin") == "madis" ? .madis : .registre
        let name = file.filename.map { ($0 as NSString).lastPathComponent }.flatMap { $0.isEmpty ? nil : $0 } ?? "registre"
        let revision = try store.read { try $0.revision() }
        let token = try uploads.keep(
            file.bytes, name: name, origin: origin, keepExample: form.text("keepExample") == "on", revision: revision, login: visit.actor,
            now: visit.now)
        switch try UploadPreview.make(token: token, shelf: uploads, store: store, visit: visit) {
        case .refused(let errors):
            uploads.remove(token)
            return uploadPage(visit, preview: nil, errors: errors, status: .unprocessableContent)
        case .ready(let preview):
            return uploadPage(visit, preview: preview, errors: [:])
        }
    }

    private func confirmUpload(_ token: String, _ pending: UploadShelf.Pending, _ visit: Visit) throws -> Response {
        switch try UploadPreview.make(token: token, shelf: uploads, store: store, visit: visit, importing: true) {
        case .refused(let errors):
            let stale = errors["stale"] != nil
            if !stale { uploads.remove(token) }
            return uploadPage(visit, preview: nil, errors: errors, status: stale ? .conflict : .unprocessableContent)
        case .ready(let done):
            uploads.remove(token)
            return uploadPage(visit, preview: done, errors: [:])
        }
    }

    private func uploadPage(_ visit: Visit, preview: UploadPreview?, errors: [String: LocalizedText], status: HTTPResponse.Status = .ok) -> Response {
        var view: [String: Any] = [
            "l": UploadWords.labels.mapValues { $0[visit.language] },
            "errors": errors.mapValues { $0[visit.language] }, "hasErrors": !errors.isEmpty,
        ]
        if let preview { view["preview"] = preview.view(visit.language) }
        return Page.html(
            "upload", title: UploadWords.labels["heading"]?[visit.language] ?? "", view: view, visit: visit, language: visit.language,
            path: "/upload", status: status)
    }
}
