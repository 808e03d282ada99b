/// The activities and processor records a check keeps until the agreements, which the format puts after
/// them, have been read: each reduced to what the rules across entries read, and packed.
///
/// A million activities kept as values (`ProcessingActivity`, a struct of strings and arrays) took about
/// 0.75 KiB each, 750 MiB in all. Here an activity is its id's bytes and four numbers: each other value it
/// holds (its controller, its two dates, and its status, processors and transfers together) is kept once
/// in a table of distinct values and named by its position there, and registers repeat those a lot (a
/// few controllers, processors and dates for thousands of activities). A rule across entries that needs
/// another field adds it here, packed the same way.
struct AcrossEntriesBacklog: Sendable {
    private var activityIDs = PackedStrings()
    private var activities = ChunkedArray<ActivityRow>()
    private var recordIDs = PackedStrings()
    private var records = ChunkedArray<RecordRow>()

    private var parties = DistinctValues<EntityID>()
    private var days = DistinctValues<CalendarDate?>()
    private var profiles = DistinctValues<Profile>()
    private var engagements = DistinctValues<[ProcessorEngagement]>()

    /// What activities of one template share: kept together, one position instead of three.
    private struct Profile: Hashable, Sendable {
        var status: ProcessingActivity.Status
        var processors: [ProcessorEngagement]
        var transfers: [Transfer]
        /// The recipients recorded as processors with no agreement named: ART28-3-NO-AGREEMENT's.
        var unboundProcessorRecipients: [Recipient]
    }

    /// One activity: positions in the tables of distinct values, 16 bytes.
    private struct ActivityRow: Sendable {
        var controller: UInt32
        var profile: UInt32
        var created: UInt32
        var lastReviewed: UInt32
    }

    /// One processor's record: its parties and its sub-processors.
    private struct RecordRow: Sendable {
        var processor: UInt32
        var controller: UInt32
        var subProcessors: UInt32
    }

    /// How many activities are kept.
    var activityCount: Int { activities.count }

    /// The bytes the kept activities and records take, tables of distinct values left out: what grows with
    /// the register.
    var bytesPerEntry: Int {
        let count = activities.count + records.count
        guard count > 0 else { return 0 }
        let rows = activities.count * MemoryLayout<ActivityRow>.stride + records.count * MemoryLayout<RecordRow>.stride
        return (rows + activityIDs.byteCount + recordIDs.byteCount) / count
    }

    mutating func keep(_ activity: ProcessingActivity) {
        activityIDs.append(activity.id)
        activities.append(ActivityRow(
            controller: parties.position(of: activity.controller),
            profile: profiles.position(of: Profile(
                status: activity.status, processors: activity.processors, transfers: activity.transfers,
                unboundProcessorRecipients: activity.recipients.filter { $0.kind == .processor && $0.agreement == nil })),
            created: days.position(of: activity.created),
            lastReviewed: days.position(of: activity.lastReviewed)))
    }

    mutating func keep(_ record: ProcessorRecord) {
        recordIDs.append(record.id)
        records.append(RecordRow(
            processor: parties.position(of: record.processor), controller: parties.position(of: record.controller),
            subProcessors: engagements.position(of: record.subProcessors)))
    }

    /// Each activity kept, in the order kept, as the rules across entries read it: its identity, dates,
    /// status, controller, processors, transfers and unbound processor recipients (its name and the rest
    /// left empty).
    func forEachActivity(_ body: (ProcessingActivity) -> Void) {
        for index in 0..<activities.count {
            let row = activities[index]
            let profile = profiles[row.profile]
            body(ProcessingActivity(
                id: activityIDs[index], name: "", status: profile.status, created: days[row.created],
                lastReviewed: days[row.lastReviewed], controller: parties[row.controller],
                recipients: profile.unboundProcessorRecipients, transfers: profile.transfers, processors: profile.processors))
        }
    }

    /// Each processor's record kept, in the order kept: its id, parties and sub-processors.
    func forEachRecord(_ body: (ProcessorRecord) -> Void) {
        for index in 0..<records.count {
            let row = records[index]
            body(ProcessorRecord(
                id: recordIDs[index], processor: parties[row.processor], controller: parties[row.controller],
                subProcessors: engagements[row.subProcessors]))
        }
    }
}

/// Values kept once each, named by their position in the order first seen.
private struct DistinctValues<Value: Hashable & Sendable>: Sendable {
    private var values: [Value] = []
    private var positions: [Value: UInt32] = [:]

    mutating func position(of value: Value) -> UInt32 {
        if let position = positions[value] { return position }
        // More than four billion distinct values would not fit in memory anyway: trapping is right.
        let position = UInt32(values.count)
        values.append(value)
        positions[value] = position
        return position
    }

    subscript(position: UInt32) -> Value { values[Int(position)] }
}

/// Strings end to end in one buffer of UTF-8 bytes, with where each ends: a million activity ids in a
/// few megabytes, instead of a string object (and its allocation) each.
private struct PackedStrings: Sendable {
    private var bytes = ChunkedArray<UInt8>()
    // Offsets as Int: ids of a file have no length limit, and four gigabytes of them fit on a large host.
    private var ends = ChunkedArray<Int>()

    var byteCount: Int { bytes.count + ends.count * MemoryLayout<Int>.stride }

    mutating func append(_ string: String) {
        for byte in string.utf8 { bytes.append(byte) }
        ends.append(bytes.count)
    }

    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: (start..<ends[index]).map { bytes[$0] }, as: UTF8.self)
    }
}

/// Elements appended in chunks of a fixed size: growing never copies what is kept, so a million
/// elements take their own memory, not twice as much for the time an array doubles its storage.
private struct ChunkedArray<Element: Sendable>: Sendable {
    private let shift = 16
    private var chunks: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count & ((1 << shift) - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(1 << shift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    subscript(index: Int) -> Element { chunks[index >> shift][index & ((1 << shift) - 1)] }
}
