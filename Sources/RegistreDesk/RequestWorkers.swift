import Foundation

/// The threads that run the requests' work on the register of record (session, reading, page, save), a
/// fixed number of them taking the work in the order it came.
///
/// SQLite's calls block, so they run off the server's event loops; on Dispatch's global queue, under many
/// connections at once, requests were taken in no guaranteed order (a 50-connection p99 was eleven to
/// twenty-eight times the 4-connection one). Here the first request
/// in is the first served, and no more run at once than the store has read connections (8): none waits
/// for a connection, and the processor is not shared between more requests than it can serve.
final class RequestWorkers: @unchecked Sendable {
    /// The workers of every desk of the process.
    static let shared = RequestWorkers(count: 8)

    private let condition = NSCondition()
    /// The work waiting, oldest first from `head` (guarded by `condition`).
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0

    /// Starts `count` threads, which live as long as the process.
    init(count: Int) {
        for index in 0..<max(1, count) {
            let thread = Thread { [self] in work() }
            thread.name = "registre-request-\(index)"
            thread.start()
        }
    }

    /// Runs `job` on the first worker free, after every job given before it has started.
    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            // The jobs taken are dropped now and then, so that the array does not grow with the requests served.
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024 {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
