import Foundation
import Prometheus
import RegistreCore
import RegistreStore

/// What the desk counts for the operator's Prometheus (`GET /metrics`, the text exposition format): the
/// requests by route, method and status with their latency, the database's write transactions, the
/// journal's length, the breaches still open per state of their 72-hour clock (Art. 33(1)), and the
/// refused sign-ins and lock-outs.
///
/// One registry per desk (not swift-metrics' process-wide bootstrap), so that two desks in one process,
/// as in the tests, count apart. Labels are bounded: a route is its pattern (`/activities/{id}`), never
/// the path asked, and a method outside HTTP's usual ones is "other".
final class DeskMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// The latency buckets, in seconds: from a page served from memory to one that read a national register.
    static let latencyBuckets: [Duration] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map { .milliseconds(Int64($0 * 1000)) }
    static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Counts one request answered for `route` with `status`, after `latency`.
    func recordRequest(route: String, method: String, status: Int, latency: Duration) {
        let method = Self.methods.contains(method) ? method : "other"
        registry.makeCounter(
            descriptor: .init(namespace: "registre", subsystem: "http", metricName: "requests", unitName: "total",
                              helpText: "Requests answered, by route pattern, method and status."),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "registre", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                              helpText: "Time from a request's head to its answer's last byte, by route pattern and method."),
            labels: [("route", route), ("method", method)], buckets: Self.latencyBuckets
        ).record(latency)
    }

    /// Counts a sign-in refused (a wrong login or password, a form refused), and whether it was refused
    /// by the throttle (a lock-out: the client or the login has failed too often).
    func recordSignInRefusal(lockedOut: Bool) {
        let descriptor: MetricNameDescriptor = lockedOut
            ? .init(namespace: "registre", subsystem: "sign_in", metricName: "lockouts", unitName: "total",
                    helpText: "Sign-ins refused by the throttle: the client or the login failed too often within the window.")
            : .init(namespace: "registre", subsystem: "sign_in", metricName: "refusals", unitName: "total",
                    helpText: "Sign-ins refused for a wrong login or password, or a form that cannot be one.")
        registry.makeCounter(descriptor: descriptor).increment()
    }

    /// The exposition: the counters above, with the gauges read at this moment from `store` (writes, the
    /// journal's length) and from `parties` (the breaches, judged at `now` in their controllers' calendars).
    func exposition(store: RegisterStore, parties: Register, journalLength: Int, now: Date) -> [UInt8] {
        registry.makeGauge(
            descriptor: .init(namespace: "registre", subsystem: "database", metricName: "write_transactions", unitName: "total",
                              helpText: "Write transactions this process began on the register of record.")
        ).set(Double(store.writeCount))
        registry.makeGauge(
            descriptor: .init(namespace: "registre", subsystem: "journal", metricName: "entries", unitName: "",
                              helpText: "Entries in the journal of changes (its last sequence number).")
        ).set(Double(journalLength))
        for (state, count) in Self.openBreaches(in: parties, at: now) {
            registry.makeGauge(
                descriptor: .init(namespace: "registre", subsystem: "breaches", metricName: "open", unitName: "",
                                  helpText: "Breaches not notified whose notification is due or not yet decided, by state of the 72 hours of Art. 33(1)."),
                labels: [("state", state.rawValue)]
            ).set(Double(count))
        }
        return registry.emitToBuffer()
    }

    /// The open states of the 72-hour clock, each with how many breaches stand there (zero included, so
    /// that a state that empties reads 0 and not its last count).
    static func openBreaches(in register: Register, at now: Date) -> [(BreachDecision.ClockState, Int)] {
        let open: [BreachDecision.ClockState] = [.inTime, .dueSoon, .overdue]
        var counts = Dictionary(uniqueKeysWithValues: open.map { ($0, 0) })
        for breach in register.breaches {
            let state = BreachDecision(breach, in: register, now: now).clock
            if counts[state] != nil { counts[state, default: 0] += 1 }
        }
        return open.map { ($0, counts[$0] ?? 0) }
    }
}
