import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client takes too long to send a request: its head (the request line and
/// headers) within `headTimeout` of the connection opening or of the last answer, its body within
/// `bodyTimeout` of its head. A client that sends half a request, or a byte now and then, holds its
/// connection (and a file descriptor of the process) for those seconds at most.
///
/// The deadline is a whole one, not an idle one: dribbling bytes does not extend it. While the desk works
/// on a request it has read whole, no deadline runs.
final class RequestDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    /// A head was read, and not yet its end.
    private var readingBody = false
    /// Requests whose answer has not ended.
    private var unanswered = 0
    private var deadline: Scheduled<Void>?

    init(headTimeout: TimeAmount, bodyTimeout: TimeAmount) {
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(headTimeout, context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        if deadline == nil { arm(headTimeout, context) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingBody = true
            unanswered += 1
            arm(bodyTimeout, context)
        case .body:
            break
        case .end:
            readingBody = false
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered -= 1
            // Answered, nothing being read: the next request's head has its time from now.
            if unanswered == 0, !readingBody { arm(headTimeout, context) }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        disarm()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension RequestDeadlines: Sendable {}
