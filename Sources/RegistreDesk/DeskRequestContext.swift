public import Hummingbird
import NIOCore

/// A request's context on the desk's server: Hummingbird's, with the connection it came on, so that the
/// desk knows which client asks (``ClientIdentification``).
public struct DeskRequestContext: RequestContext {
    /// Hummingbird's part of the context.
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    let channel: any Channel

    /// The context of a request that came on `source`'s connection.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}

/// The desk as the server runs it: names the client of each request, then hands the request to the
/// desk's router (``Desk/router()``), whose routes keep Hummingbird's `BasicRequestContext`; the client
/// rides along as ``Desk/requestClient`` for the request's duration (only the sign-in reads it), and its
/// address as ``Desk/requestAddress`` (the metrics' allow list reads it).
struct DeskResponder: HTTPResponder {
    let pages: RouterResponder<BasicRequestContext>
    let clients: ClientIdentification

    func respond(to request: Request, context: DeskRequestContext) async throws -> Response {
        let client = clients.client(of: request, peer: context.channel.remoteAddress)
        let address = clients.address(of: request, peer: context.channel.remoteAddress)
        let source = ApplicationRequestContextSource(channel: context.channel, logger: context.logger)
        return try await Desk.$requestClient.withValue(client) {
            try await Desk.$requestAddress.withValue(address) {
                try await pages.respond(to: request, context: BasicRequestContext(source: source))
            }
        }
    }
}
