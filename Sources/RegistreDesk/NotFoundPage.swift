import Hummingbird
import RegistreCore

/// An address that matches no route gets the desk's own "page not found", in the visitor's language and
/// inside the desk's layout, rather than the server's empty 404.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let language = request.cookies[Desk.languageCookie].flatMap { Language(rawValue: $0.value) } ?? .fr
            return Page.html(
                "not-found", title: Wording.text("notFound", language), view: [:], visit: nil, language: language, status: .notFound)
        }
    }
}
