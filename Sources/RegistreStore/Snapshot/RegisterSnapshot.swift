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
    }

    init() {}

    init(entities: [EntityKey: EntityState]) {
        self.entities = entities
    }

    init(_ register: Register) throws {
        entities[.register] = EntityState(position: 0, fields: try Self.fields(of: Header(title: register.title)))
        for (position, organisation) in register.organisations.enumerated() {
            entities[EntityKey(.organisation, organisation.id)] = EntityState(position: position, fields: try Self.fields(of: organisation))
        }
        for (position, activity) in register.activities.enumerated() {
            entities[EntityKey(.activity, activity.id)] = EntityState(position: position, fields: try Self.fields(of: activity))
        }
        try add(register.processorRecords, as: .processorRecord)
        try add(register.agreements, as: .agreement)
        try add(register.matrices, as: .matrix)
        try add(register.audits, as: .audit)
        try add(register.breaches, as: .breach)
    }

    private mutating func add<Entry: Encodable & Identifiable>(_ entries: [Entry], as kind: EntityKind) throws where Entry.ID == String {
        for (position, entry) in entries.enumerated() {
            entities[EntityKey(kind, entry.id)] = EntityState(position: position, fields: try Self.fields(of: entry))
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
            breaches: try entries(.breach).map { try Self.value(Breach.self, from: $0.fields) }
        )
    }

    // MARK: Fields

    /// Splits a value's JSON object into one canonical JSON text per top-level property.
    static func fields(of value: some Encodable) throws -> [String: String] {
        let data = try encoder.encode(value)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw StoreError.corrupt("an entry did not encode as a JSON object")
        }
        var fields: [String: String] = [:]
        for (name, property) in object {
            let json = try JSONSerialization.data(withJSONObject: property, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
            fields[name] = String(decoding: json, as: UTF8.self)
        }
        return fields
    }

    /// Joins fields back into a value: the object whose properties they are.
    static func value<T: Decodable>(_ type: T.Type, from fields: [String: String]) throws -> T {
        var object: [String: Any] = [:]
        for (name, json) in fields {
            object[name] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try JSONDecoder().decode(T.self, from: data)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
