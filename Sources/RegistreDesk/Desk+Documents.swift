import Foundation
import Hummingbird
import RegistreCore
import RegistreService

extension Desk {
    /// One organisation's register as the documents DPOs exchange (ODS in the CNIL model's layout, ODT,
    /// JSON-LD), and a structure's members' registers in one archive: the functions `registre export
    /// --controller` and `--each-member` call (`RegisterDocuments`), so the same bytes. XML and text stay
    /// under `/download/register`.
    func addDocumentRoutes(to router: Router<BasicRequestContext>) {
        router.get("/documents/{organisation}/{format}") { request, context in
            try await self.signedIn(request) { visit in
                guard let id = context.parameters.get("organisation"), visit.policy.mayRead(organisation: id),
                      visit.register.organisation(id) != nil,
                      let format = context.parameters.get("format").flatMap(RegisterDocuments.Format.init(rawValue:)),
                      Self.documentFormats.contains(format)
                else { return Page.notFound(visit) }
                let bytes = try RegisterDocuments.document(of: self.store, restrictedTo: id, as: format, language: visit.language)
                return Page.download(bytes, type: format.mediaType, filename: "registre-\(id).\(format.fileExtension)")
            }
        }
        router.get("/structures/{id}/members-documents") { request, context in
            try await self.signedIn(request) { visit in
                // Every member's register: for whoever reads each of them (the structure's DPO, an administrator).
                guard let structure = Self.readableStructure(context.parameters.get("id"), visit),
                      structure.members.allSatisfy(visit.policy.mayRead(organisation:)),
                      let format = request.uri.queryParameters.get("format").flatMap({ RegisterDocuments.Format(rawValue: String($0)) })
                else { return Page.notFound(visit) }
                let bytes = try RegisterDocuments.memberArchive(of: self.store, structure: structure.id, as: format, language: visit.language)
                return Page.download(bytes, type: "application/zip", filename: "membres-\(structure.id)-\(format.fileExtension).zip")
            }
        }
    }

    /// The formats offered here; XML and text are `/download/register`'s.
    static let documentFormats: Set<RegisterDocuments.Format> = [.ods, .odt, .jsonld]
}
