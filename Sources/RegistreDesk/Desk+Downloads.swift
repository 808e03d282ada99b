import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService
import RegistreXML

extension Desk {
    /// Downloads: the same bytes as the CLI writes — `export register --format xml|text [--controller ID]`,
    /// `breach report`. Whoever does not read the whole register downloads one organisation's register,
    /// and a breach's report without the activities of other organisations it names (``BreachDownload``).
    func addDownloadRoutes(to router: Router<BasicRequestContext>) {
        router.get("/download/register/{format}") { request, context in
            try await self.signedIn(request) { visit in
                let organisation = request.uri.queryParameters.get("organisation").flatMap { $0.isEmpty ? nil : $0 }
                if let organisation {
                    guard visit.policy.mayRead(organisation: organisation), visit.register.organisation(organisation) != nil else {
                        return Page.notFound(visit)
                    }
                } else if !visit.policy.seesWholeRegister {
                    return Page.notFound(visit)
                }
                let name = "registre" + (organisation.map { "-\($0)" } ?? "")
                // The same function as `registre export --db`, so the same bytes, from one read transaction,
                // streamed as they are made (one organisation's read through the index on controllers).
                let store = self.store, language = visit.language
                switch context.parameters.get("format") {
                case "xml":
                    return Page.download(type: "application/xml", filename: name + ".xml", body: StreamedBody.bytes { emit in
                        try RegisterExports.xml(of: store, restrictedTo: organisation, to: emit)
                    })
                case "txt":
                    return Page.download(type: "text/plain; charset=utf-8", filename: name + ".txt", body: StreamedBody.bytes { emit in
                        try RegisterExports.text(of: store, restrictedTo: organisation, language: language, to: emit)
                    })
                default:
                    return Page.notFound(visit)
                }
            }
        }
        router.get("/download/breaches/{file}") { request, context in
            let file = context.parameters.get("file") ?? ""
            let id = file.hasSuffix(".xml") || file.hasSuffix(".txt") ? String(file.dropLast(4)) : ""
            // The breach with what it names (the activities' names, whose controller tells who may read them).
            return try await self.signedIn(request, reading: .around([EntityKey(.breach, id)])) { visit in
                guard let breach = visit.register.breaches.first(where: { $0.id == id && visit.policy.mayRead($0) }) else {
                    return Page.notFound(visit)
                }
                let download = BreachDownload(breach, in: visit.register, policy: visit.policy, now: visit.now)
                if file.hasSuffix(".xml") {
                    return Page.download(try download.xml(), type: "application/xml", filename: file)
                }
                return Page.download(download.text(visit.language), type: "text/plain; charset=utf-8", filename: file)
            }
        }
    }
}
