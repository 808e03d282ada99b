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
        router.get("/register-documents/{format}") { request, context in
            try await self.signedIn(request) { visit in
                // The whole register: for whoever reads it all (an administrator), as `export --db --format`.
                guard visit.policy.seesWholeRegister,
                      let format = context.parameters.get("format").flatMap(RegisterDocuments.Format.init(rawValue:)),
                      Self.documentFormats.contains(format)
                else { return Page.notFound(visit) }
                do {
                    let bytes = try RegisterDocuments.wholeDocument(of: self.store, as: format, language: visit.language)
                    return Page.download(bytes, type: format.mediaType, filename: "registre.\(format.fileExtension)")
                } catch let refusal as RegisterDocuments.TooLarge {
                    return Self.tooLarge(refusal, visit)
                }
            }
        }
        router.get("/structures/{id}/document") { request, context in
            try await self.signedIn(request) { visit in
                // The structure's register and its members' together: for whoever reads each of them.
                guard let (structure, format) = Self.structureDocuments(request, context, visit) else { return Page.notFound(visit) }
                do {
                    // Every organisation checked again in the document's own read transaction.
                    let bytes = try RegisterDocuments.structureDocument(
                        of: self.store, structure: structure.id, as: format, language: visit.language, readable: visit.policy.mayRead(organisation:))
                    return Page.download(bytes, type: format.mediaType, filename: "registre-\(structure.id)-membres.\(format.fileExtension)")
                } catch is AccessRefusal {
                    return Page.notFound(visit)
                } catch is RegisterExports.Refusal {
                    // The structure removed since the check above: as if it had never been there.
                    return Page.notFound(visit)
                } catch let refusal as RegisterDocuments.TooLarge {
                    return Self.tooLarge(refusal, visit)
                }
            }
        }
        router.get("/structures/{id}/members-documents") { request, context in
            try await self.signedIn(request) { visit in
                // Every member's register: for whoever reads each of them (the structure's DPO, an administrator).
                guard let (structure, format) = Self.structureDocuments(request, context, visit) else { return Page.notFound(visit) }
                let archive: MemberArchive
                do {
                    // Members read again, and checked, in the archive's own read transaction.
                    archive = try RegisterDocuments.memberArchive(
                        of: self.store, structure: structure.id, as: format, language: visit.language, readable: visit.policy.mayRead(organisation:))
                } catch is AccessRefusal {
                    return Page.notFound(visit)
                } catch is RegisterExports.Refusal {
                    return Page.notFound(visit)
                }
                // Built on disk a member at a time, then sent as it is read, and removed.
                return Page.download(
                    type: "application/zip", filename: "membres-\(structure.id)-\(format.fileExtension).zip",
                    body: StreamedBody.bytes { emit in
                        defer { archive.remove() }
                        try archive.forEachChunk(emit)
                    })
            }
        }
    }

    /// The structure a request names and the format it asks (`?format=`), when the account reads the
    /// structure and every one of its members (read again by the document's own transaction).
    static func structureDocuments(_ request: Request, _ context: BasicRequestContext, _ visit: Visit) -> (Organisation, RegisterDocuments.Format)? {
        guard let structure = readableStructure(context.parameters.get("id"), visit),
              structure.members.allSatisfy(visit.policy.mayRead(organisation:)),
              let format = request.uri.queryParameters.get("format").flatMap({ RegisterDocuments.Format(rawValue: String($0)) })
        else { return nil }
        return (structure, format)
    }

    /// A document refused for its size, in words, with the command that makes it.
    static func tooLarge(_ refusal: RegisterDocuments.TooLarge, _ visit: Visit) -> Response {
        Page.html(
            "refused", title: Wording.text("refused", visit.language), view: ["message": refusal.message[visit.language]],
            visit: visit, language: visit.language, status: .contentTooLarge)
    }

    /// The formats offered here; XML and text are `/download/register`'s.
    static let documentFormats: Set<RegisterDocuments.Format> = [.ods, .odt, .jsonld]
}
