import HTTPTypes
import Hummingbird

/// The headers every answer of the desk carries: nothing is loaded from elsewhere, no page is framed (no
/// clickjacking), no type is guessed, no address leaks to another site, and no page is kept in a cache
/// (they show breach details).
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // A route that does not exist answers with the same headers as one that does.
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }
}
