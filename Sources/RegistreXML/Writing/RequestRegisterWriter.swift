public import RegistreCore

/// Writes the register of requests as a `<request-register>` document of the register schema: each
/// request as the register holds it (`<request>`), inside a `<handled>` giving its state and last day at
/// the moment the register is drawn up, then the counts (`<counts>`), in all and per organisation of a
/// structure. The bytes go to `sink` as they are made: a register of any size is written in memory that
/// does not grow with it.
public final class RequestRegisterWriter {
    private let xml: XMLStreamWriter
    private let sink: ([UInt8]) throws -> Void
    private var started = false

    /// A writer handing the document's bytes to `sink` as they are made.
    /// - Parameter sink: takes each chunk of the document, in order.
    /// - Throws: ``XMLWriteError`` when libxml2's writer cannot be made.
    public init(sink: @escaping ([UInt8]) throws -> Void) throws {
        xml = try XMLStreamWriter()
        self.sink = sink
    }

    private func start(_ register: RequestRegister) throws {
        guard !started else { return }
        started = true
        try xml.startDocument()
        try xml.start("request-register")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("at", Instant.utc(register.now))
        switch register.scope {
        case .whole: break
        case .controller(let id): try xml.attribute("controller", id)
        case .membersOf(let id): try xml.attribute("structure", id)
        }
    }

    /// Writes one request with its clock at the register's moment.
    /// - Parameters:
    ///   - row: the request and its clock.
    ///   - register: the register of requests it belongs to.
    /// - Throws: what `sink` throws, or ``XMLWriteError``.
    public func write(_ row: RequestRegister.Row, of register: RequestRegister) throws {
        try start(register)
        try xml.start("handled")
        try xml.attribute("state", row.clock.state(at: register.now).rawValue)
        try xml.attribute("due", row.clock.dueDay?.iso)
        try RequestWriter.write(row.request, to: xml)
        try xml.end()
        if xml.pending >= 1 << 16 { try sink(try xml.drain()) }
    }

    /// Writes the counts and closes the document.
    /// - Parameter register: the register of requests, every request taken.
    /// - Throws: what `sink` throws, or ``XMLWriteError``.
    public func finish(_ register: RequestRegister) throws {
        try start(register)
        try write(register.total, of: nil)
        for (organisation, tally) in register.perOrganisation { try write(tally, of: organisation) }
        try xml.end()
        try sink(try xml.drain())
        try sink(try xml.finish())
    }

    private func write(_ tally: RequestTally, of organisation: EntityID?) throws {
        try xml.start("counts")
        try xml.attribute("organisation", organisation)
        try xml.attribute("requests", String(tally.requests))
        try xml.attribute("granted", String(tally.byOutcome[.granted] ?? 0))
        try xml.attribute("partly", String(tally.byOutcome[.partly] ?? 0))
        try xml.attribute("refused", String(tally.byOutcome[.refused] ?? 0))
        try xml.attribute("unanswered", String(tally.unanswered))
        try xml.attribute("extended", String(tally.extended))
        try xml.attribute("answered-in-time", String(tally.answeredInTime))
        try xml.attribute("answered-late", String(tally.answeredLate))
        try xml.attribute("overdue", String(tally.overdue))
        for right in DataSubjectRight.allCases {
            try xml.element("right", attributes: ["name": right.rawValue, "count": String(tally.byRight[right] ?? 0)], text: nil)
        }
        try xml.end()
    }
}
