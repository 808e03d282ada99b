import HTTPTypes
import Hummingbird
import Logging

/// The first middleware of the desk: gives each request its id (``RequestTrace``), answers with it in
/// `X-Request-Id`, and once the answer's last byte is written, writes the request's log line and counts it
/// in the metrics (``DeskMetrics``).
///
/// The log line holds the id, the method, the route's pattern, the status, the latency and the account:
/// never the path asked nor its query (a search may be a person's name), a header, a cookie or a body.
struct RequestObservation<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let metrics: DeskMetrics

    static var requestID: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let trace = RequestTrace(id: RequestTrace.id(forwarded: request.headers[Self.requestID]))
        do {
            var response = try await Desk.$requestTrace.withValue(trace) { try await next(request, context) }
            response.headers[Self.requestID] = trace.id
            let status = response.status.code, body = response.body
            // After the last byte, as Hummingbird's own metrics do (its `withPostWriteClosure` is not public).
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                defer { record(request, context: context, trace: trace, status: status, latency: ContinuousClock.now - start) }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context: context, trace: trace, status: status, latency: ContinuousClock.now - start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, trace: RequestTrace, status: Int, latency: Duration) {
        let route = context.endpointPath ?? "NotFound"
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status, latency: latency)
        let (seconds, attoseconds) = latency.components
        var metadata: Logger.Metadata = [
            "request_id": "\(trace.id)", "method": "\(request.method.rawValue.prefix(16))", "route": "\(route)",
            "status": .stringConvertible(status), "latency_ms": .stringConvertible(Double(seconds) * 1000 + Double(attoseconds) / 1e15),
        ]
        if let account = trace.account { metadata["account"] = "\(account)" }
        logger.log(level: status >= 500 ? .error : .info, "request", metadata: metadata)
    }
}
