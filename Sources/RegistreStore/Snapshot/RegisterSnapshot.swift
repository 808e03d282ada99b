import Foundation
import RegistreCore

/// A register as the register of record sees it: every entry, keyed, with its position and its fields.
///
/// Two snapshots compare field by field, which is what the journal records: "purposes" before and after,
/// not a whole activity.
struct RegisterSnapshot: Equatable, Sendable {
    var entities: [EntityKey: EntityState] = [:]

    /// The fields of the register's own entry.
    private struct Header: Codable {
        var title: String?
        /// Absent from registers stored before it could be set: the default then.
        var reviewPeriod: PeriodLength?
    }

    init() {}

    init(entities: [EntityKey: EntityState]) {
        self.entities = entities
    }

    /// The key and fields of a streamed entry.
    static func keyAndFields(of entry: RegisterEntry) throws -> (EntityKey, [String: String]) {
        switch entry {
        case .title(let title, let period): (.register, try fields(of: Header(title: title, reviewPeriod: period)))
        case .organisation(let value): (EntityKey(.organisation, value.id), try fields(of: value))
        case .activity(let value): (EntityKey(.activity, value.id), try fields(of: value))
        case .processorRecord(let value): (EntityKey(.processorRecord, value.id), try fields(of: value))
        case .agreement(let value): (EntityKey(.agreement, value.id), try fields(of: value))
        case .matrix(let value): (EntityKey(.matrix, value.id), try fields(of: value))
        case .audit(let value): (EntityKey(.audit, value.id), try fields(of: value))
        case .breach(let value): (EntityKey(.breach, value.id), try fields(of: value))
        case .campaign(let value): (EntityKey(.campaign, value.id), try fields(of: value))
        case .request(let value): (EntityKey(.request, value.id), try fields(of: value))
        }
    }

    /// The register's own entry, from its fields.
    private static func header(_ fields: [String: String]) throws -> RegisterEntry {
        let header = try value(Header.self, from: fields)
        return .title(header.title, reviewPeriod: header.reviewPeriod)
    }

    /// The entry that a key's fields make.
    static func entry(_ key: EntityKey, fields: [String: String]) throws -> RegisterEntry {
        switch key.kind {
        case .register: try Self.header(fields)
        case .organisation: .organisation(try value(Organisation.self, from: fields))
        case .activity: .activity(try value(ProcessingActivity.self, from: fields))
        case .processorRecord: .processorRecord(try value(ProcessorRecord.self, from: fields))
        case .agreement: .agreement(try value(DataProcessingAgreement.self, from: fields))
        case .matrix: .matrix(try value(ResponsibilityMatrix.self, from: fields))
        case .audit: .audit(try value(AuditRequest.self, from: fields))
        case .breach: .breach(try value(Breach.self, from: fields))
        case .campaign: .campaign(try value(ReviewCampaign.self, from: fields))
        case .request: .request(try value(DataSubjectRequest.self, from: fields))
        }
    }

    /// The register these entries make, each kind in the order of its positions.
    func register() throws -> Register {
        func entries(_ kind: EntityKind) -> [EntityState] {
            entities.filter { $0.key.kind == kind }
                .sorted { ($0.value.position, $0.key.id) < ($1.value.position, $1.key.id) }
                .map(\.value)
        }
        let header = try entities[.register].map { try Self.value(Header.self, from: $0.fields) } ?? Header()
        return Register(
            title: header.title,
            organisations: try entries(.organisation).map { try Self.value(Organisation.self, from: $0.fields) },
            activities: try entries(.activity).map { try Self.value(ProcessingActivity.self, from: $0.fields) },
            processorRecords: try entries(.processorRecord).map { try Self.value(ProcessorRecord.self, from: $0.fields) },
            agreements: try entries(.agreement).map { try Self.value(DataProcessingAgreement.self, from: $0.fields) },
            matrices: try entries(.matrix).map { try Self.value(ResponsibilityMatrix.self, from: $0.fields) },
            audits: try entries(.audit).map { try Self.value(AuditRequest.self, from: $0.fields) },
            breaches: try entries(.breach).map { try Self.value(Breach.self, from: $0.fields) },
            campaigns: try entries(.campaign).map { try Self.value(ReviewCampaign.self, from: $0.fields) },
            reviewPeriod: header.reviewPeriod,
            requests: try entries(.request).map { try Self.value(DataSubjectRequest.self, from: $0.fields) }
        )
    }

    // MARK: Fields

    /// One canonical JSON text per top-level property of a value.
    static func fields(of value: some Encodable) throws -> [String: String] {
        try fieldEncoder.fields(of: value)
    }

    /// Joins fields back into a value: the object whose properties they are.
    static func value<T: Decodable>(_ type: T.Type, from fields: [String: String]) throws -> T {
        try decoder.decode(T.self, from: FieldEncoder.object(of: fields))
    }

    private static let fieldEncoder = FieldEncoder()
    private static let decoder = JSONDecoder()
}
