import Foundation
import Hummingbird
import NIOCore

/// A response body made by a synchronous producer (a read transaction of the register of record) on a
/// thread of its own, off the server's event loops, and written to the client as it comes: at most a few
/// chunks ahead of the client, so that memory does not grow with the document nor with a slow reader.
/// When the client goes away, the producer's next chunk stops it (its `emit` throws).
enum StreamedBody {
    /// How many chunks the producer may make ahead of the client.
    static let window = 4

    static func body(_ produce: @escaping @Sendable (_ emit: (String) throws -> Void) throws -> Void) -> ResponseBody {
        bytes { emit in try produce { try emit(Array($0.utf8)) } }
    }

    /// The same, for a producer of bytes (a download: a chunk may end inside a character). `emit` may be
    /// kept by the producer (an XML writer holds its sink): called after the client went away, it throws.
    static func bytes(_ produce: @escaping @Sendable (_ emit: @escaping ([UInt8]) throws -> Void) throws -> Void) -> ResponseBody {
        ResponseBody { writer in
            let (chunks, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
            // Made at 0 and given its room by signals: libdispatch traps when a semaphore is freed with a count
            // below the one it was made with, which a client leaving mid-document leaves it at.
            let room = DispatchSemaphore(value: 0)
            for _ in 0..<window { room.signal() }
            let stopped = Flag()
            continuation.onTermination = { _ in
                stopped.raise()
                room.signal()
            }
            let emit: @Sendable ([UInt8]) throws -> Void = { chunk in
                room.wait()
                if stopped.isRaised {
                    room.signal()
                    throw CancellationError()
                }
                continuation.yield(chunk)
            }
            let producer = Thread {
                do {
                    try produce(emit)
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            producer.start()
            for try await chunk in chunks {
                try await writer.write(ByteBuffer(bytes: chunk))
                room.signal()
            }
            try await writer.finish(nil)
        }
    }

    /// Set once, read from either side.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        func raise() { lock.withLock { raised = true } }
        var isRaised: Bool { lock.withLock { raised } }
    }
}
