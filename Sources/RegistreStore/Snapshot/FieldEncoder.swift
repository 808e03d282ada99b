import Foundation

/// Encodes a value's top-level properties each into its own canonical JSON text, in one pass: the fields
/// of an entry as the store keeps them, without encoding the whole value and parsing it back.
struct FieldEncoder {
    private let json: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func fields(of value: some Encodable) throws -> [String: String] {
        let storage = Storage()
        try value.encode(to: Splitter(storage: storage, json: json))
        return storage.fields
    }

    /// Joins fields back into the JSON object they were split from, written as bytes at once: every
    /// entry read from the tables goes through here (a string built by interpolation showed in verify).
    static func object(of fields: [String: String]) -> Data {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(fields.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 4 })
        for (index, (name, value)) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            // Names are Swift property names: nothing to escape.
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(UInt8(ascii: "}"))
        return Data(bytes)
    }

    private final class Storage {
        var fields: [String: String] = [:]
    }

    /// Only the top level is split; what lies below each property is JSONEncoder's.
    private struct Splitter: Encoder {
        let storage: Storage
        let json: JSONEncoder
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Container<Key>(storage: storage, json: json))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            preconditionFailure("an entry of the register encodes as an object")
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            preconditionFailure("an entry of the register encodes as an object")
        }
    }

    private struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let storage: Storage
        let json: JSONEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            storage.fields[key.stringValue] = String(decoding: try json.encode(value), as: UTF8.self)
        }

        mutating func encodeNil(forKey key: Key) throws { storage.fields[key.stringValue] = "null" }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(Box(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try encode(Box(value), key) }

        private mutating func encode<T: Encodable>(_ box: Box<T>, _ key: Key) throws {
            storage.fields[key.stringValue] = String(decoding: try json.encode(box.value), as: UTF8.self)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("entries encode their properties whole")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("entries encode their properties whole")
        }

        mutating func superEncoder() -> any Encoder { preconditionFailure("entries have no superclass") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("entries have no superclass") }
    }

    private struct Box<T: Encodable> {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
