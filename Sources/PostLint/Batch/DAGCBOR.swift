/// A small, strict, bounded decoder for DAG-CBOR, the encoding of Bluesky (atproto) repository
/// blocks: the subset of CBOR (RFC 8949) that IPLD's DAG-CBOR allows.
///
/// NOTE: hand-written because no CBOR package is among the packages available to this project,
/// and because a repository CAR is untrusted input: this decoder accepts only what DAG-CBOR
/// allows (definite lengths, text map keys, no duplicate keys, tag 42 links only, valid UTF-8,
/// minimal integers are not required), and every length is checked against the bytes left
/// before anything is allocated, nesting is limited to `maxDepth` and the number of items in
/// one value to `maxItems`, so a hostile block can neither exhaust memory nor the stack.
enum DAGCBOR {
    /// A decoded value.
    indirect enum Value: Equatable {
        case unsigned(UInt64)
        case negative(UInt64)  // -1 - n
        case bytes([UInt8])
        case text(String)
        case array([Value])
        case map([String: Value])
        /// A CID (tag 42): the CID's binary form, without DAG-CBOR's leading 0x00.
        case link([UInt8])
        case bool(Bool)
        case null
        case float(Double)

        subscript(key: String) -> Value? {
            if case .map(let map) = self { return map[key] }
            return nil
        }
        var string: String? { if case .text(let text) = self { return text }; return nil }
        var link: [UInt8]? { if case .link(let cid) = self { return cid }; return nil }
        var array: [Value]? { if case .array(let items) = self { return items }; return nil }
        var bytes: [UInt8]? { if case .bytes(let bytes) = self { return bytes }; return nil }
        var int: Int? { if case .unsigned(let value) = self, value <= UInt64(Int.max) { return Int(value) }; return nil }
    }

    struct Failure: Error, Equatable {
        let offset: Int
        let message: String
    }

    static let maxDepth = 64
    static let maxItems = 1 << 20

    /// Decodes exactly one value filling `bytes`.
    static func decode(_ bytes: ArraySlice<UInt8>) throws(Failure) -> Value {
        var cursor = Cursor(bytes: bytes, position: bytes.startIndex, items: 0)
        let value = try cursor.value(depth: 0)
        guard cursor.position == bytes.endIndex else {
            throw Failure(offset: cursor.position - bytes.startIndex, message: "\(bytes.endIndex - cursor.position) bytes after the value")
        }
        return value
    }

    private struct Cursor {
        let bytes: ArraySlice<UInt8>
        var position: Int
        var items: Int

        var remaining: Int { bytes.endIndex - position }

        func fail(_ message: String) -> Failure { Failure(offset: position - bytes.startIndex, message: message) }

        mutating func byte() throws(Failure) -> UInt8 {
            guard position < bytes.endIndex else { throw fail("unexpected end of data") }
            defer { position += 1 }
            return bytes[position]
        }

        /// The argument of a head byte (additional info 0–27); indefinite lengths are refused.
        mutating func argument(_ info: UInt8) throws(Failure) -> UInt64 {
            switch info {
            case 0..<24: return UInt64(info)
            case 24: return UInt64(try byte())
            case 25, 26, 27:
                let count = 1 << Int(info - 24)  // 2, 4, 8 bytes
                guard remaining >= count else { throw fail("unexpected end of data") }
                var value: UInt64 = 0
                for _ in 0..<count { value = value << 8 | UInt64(try byte()) }
                return value
            case 31: throw fail("indefinite length (not allowed in DAG-CBOR)")
            default: throw fail("reserved additional information \(info)")
            }
        }

        /// A length that must fit in the bytes left (each element takes at least one byte).
        mutating func length(_ info: UInt8, perItem: Int = 1) throws(Failure) -> Int {
            let value = try argument(info)
            guard value <= UInt64(remaining / perItem) else { throw fail("length \(value) runs past the end of the data") }
            return Int(value)
        }

        mutating func take(_ count: Int) -> ArraySlice<UInt8> {
            defer { position += count }
            return bytes[position..<position + count]
        }

        mutating func count() throws(Failure) {
            items += 1
            guard items <= DAGCBOR.maxItems else { throw fail("more than \(DAGCBOR.maxItems) items") }
        }

        mutating func value(depth: Int) throws(Failure) -> Value {
            guard depth < DAGCBOR.maxDepth else { throw fail("nested deeper than \(DAGCBOR.maxDepth)") }
            try count()
            let head = try byte()
            let major = head >> 5, info = head & 0x1F
            switch major {
            case 0: return .unsigned(try argument(info))
            case 1: return .negative(try argument(info))
            case 2: return .bytes(Array(take(try length(info))))
            case 3:
                let text = take(try length(info))
                guard let string = String(validating: text, as: UTF8.self) else { throw fail("text is not valid UTF-8") }
                return .text(string)
            case 4:
                let count = try length(info)
                var items: [Value] = []
                items.reserveCapacity(min(count, 1024))
                for _ in 0..<count { items.append(try value(depth: depth + 1)) }
                return .array(items)
            case 5:
                let count = try length(info, perItem: 2)
                var map: [String: Value] = [:]
                for _ in 0..<count {
                    guard case .text(let key) = try value(depth: depth + 1) else { throw fail("a map key is not text") }
                    guard map[key] == nil else { throw fail("duplicate map key '\(key)'") }
                    map[key] = try value(depth: depth + 1)
                }
                return .map(map)
            case 6:
                guard try argument(info) == 42 else { throw fail("a tag other than 42 (CID)") }
                guard case .bytes(let cid) = try value(depth: depth + 1), cid.first == 0x00, cid.count > 1 else {
                    throw fail("tag 42 without a CID byte string")
                }
                return .link(Array(cid.dropFirst()))
            default:
                switch info {
                case 20: return .bool(false)
                case 21: return .bool(true)
                case 22: return .null
                case 27:
                    let bits = try argument(27)
                    return .float(Double(bitPattern: bits))
                default: throw fail("simple value or float width \(info) not allowed in DAG-CBOR")
                }
            }
        }
    }
}

/// Reading the parts of a CAR file (content-addressed archive, v1): unsigned LEB128 varints and
/// binary CIDs (v0: a bare sha2-256 multihash; v1: version, codec, multihash).
enum CARBytes {
    /// A varint at `position`, at most 9 bytes (63 bits), moving `position` past it.
    static func varint(_ bytes: [UInt8], _ position: inout Int, end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        var value = 0, shift = 0
        while position < end, shift < 63 {
            let byte = bytes[position]
            position += 1
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    /// The length of the binary CID starting at `start` inside `end`, or nil when it is not one.
    static func cidLength(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        if end - start >= 34, bytes[start] == 0x12, bytes[start + 1] == 0x20 { return 34 }  // CIDv0
        var position = start
        guard varint(bytes, &position, end: end) == 1, varint(bytes, &position, end: end) != nil,  // version 1, codec
              varint(bytes, &position, end: end) != nil, let digest = varint(bytes, &position, end: end),  // hash, digest length
              digest <= end - position else { return nil }
        return position + digest - start
    }

    /// A CID's usual text form: multibase 'b' + lower-case base32 (RFC 4648, no padding).
    static func base32(_ cid: [UInt8]) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var out = "b", buffer = 0, bits = 0
        for byte in cid {
            buffer = (buffer << 8 | Int(byte)) & 0xFFFF
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }
}
