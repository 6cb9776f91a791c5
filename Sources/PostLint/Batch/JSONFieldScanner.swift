import Foundation

/// Takes the few top-level fields a post needs (text, id, timestamp) out of one JSON object
/// without building the whole object: strings are decoded, other values validated and skipped.
///
/// It answers only when it is sure: any line that is not a plain, valid JSON object, or whose
/// wanted fields hold something other than a string, an integer or null, returns nil, and the
/// caller decodes the line with `JSONSerialization` (which also words the error for bad lines).
/// So results are the same as decoding the whole line; a test checks that on awkward lines.
///
/// NOTE: hand-written because no listed package parses JSON without building every value, and
/// `JSONSerialization` dominated reading (about 3 µs a post).
struct JSONFieldScanner: Sendable {
    /// The top-level keys to capture, and their UTF-8 bytes (compared without making strings).
    let keys: [String]
    private let keyBytes: [[UInt8]]

    /// The slots of `FieldSelection`'s usual names, in their order of preference.
    private let usualSlots: UsualSlots

    init(wanted: [String]) {
        keys = Array(Set(wanted)).sorted()
        keyBytes = keys.map { Array($0.utf8) }
        let keys = self.keys
        func slots(_ names: [String]) -> [Int]? {
            let found = names.compactMap { keys.firstIndex(of: $0) }
            return found.count == names.count ? found : nil
        }
        usualSlots = UsualSlots(text: slots(FieldSelection.textNames), id: slots(FieldSelection.idNames),
                                timestamp: slots(FieldSelection.timestampNames))
    }

    struct UsualSlots {
        let text: [Int]?
        let id: [Int]?
        let timestamp: [Int]?
    }

    /// A scanner for the fields `JSONRecord.post` reads, or nil when a field is a dotted path
    /// (nested values are left to `JSONSerialization`).
    init?(fields: FieldSelection) {
        let chosen = [fields.text, fields.id, fields.timestamp].compactMap { $0 } + fields.keep
        guard !chosen.contains(where: { $0.contains(".") }) else { return nil }
        self.init(wanted: chosen + FieldSelection.textNames + FieldSelection.idNames + FieldSelection.timestampNames)
    }

    /// A captured value: what `JSONSerialization` would give as String, NSNumber or NSNull.
    enum Value {
        case string(String)
        case integer(Int64)
        case null
    }

    /// The wanted keys present in one object: `values[i]` for `keys[i]`.
    struct Fields: JSONFields {
        let keys: [String]
        var values: [Value?]
        let usualSlots: UsualSlots

        func contains(_ key: String) -> Bool { slot(key).map { values[$0] != nil } ?? false }

        /// The usual name lists are looked up by slot, without comparing strings (`==` on
        /// the same static array is a pointer comparison).
        func firstPresent(_ names: [String]) -> String? {
            let slots = names == FieldSelection.textNames ? usualSlots.text
                : names == FieldSelection.idNames ? usualSlots.id
                : names == FieldSelection.timestampNames ? usualSlots.timestamp : nil
            guard let slots else { return names.first { contains($0) } }
            for (index, slot) in slots.enumerated() where values[slot] != nil { return names[index] }
            return nil
        }

        func passThrough(at path: String) -> JSONFieldText? {
            guard let index = slot(path), let value = values[index] else { return nil }
            switch value {
            case .string(let string): return .text(string)
            case .integer(let number): return .text(String(number))
            case .null: return nil
            }
        }

        func text(at path: String) -> JSONFieldText? {
            guard let index = slot(path), let value = values[index] else { return nil }
            switch value {
            case .string(let string): return .text(string)
            case .integer(let number): return .text(String(number))
            case .null: return .notText
            }
        }

        private func slot(_ key: String) -> Int? { keys.firstIndex(of: key) }
    }

    /// The wanted keys present in `line`, or nil to fall back to `JSONSerialization`.
    func scan(_ line: ArraySlice<UInt8>) -> Fields? {
        line.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let values = reader.object(keys: keys, keyBytes: keyBytes) else { return nil }
            return Fields(keys: keys, values: values, usualSlots: usualSlots)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func object(keys: [String], keyBytes: [[UInt8]]) -> [Value?]? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
            index += 1
            var found = [Value?](repeating: nil, count: keys.count)
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    skipSpace()
                    guard let slot = key(keys: keys, keyBytes: keyBytes) else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    skipSpace()
                    if slot >= 0 {
                        // A repeated wanted key: leave the tie-break to JSONSerialization.
                        guard found[slot] == nil, let value = simpleValue() else { return nil }
                        found[slot] = value
                    } else {
                        guard skipValue(depth: 0) else { return nil }
                    }
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { return nil }
                    index += 1
                    break
                }
            }
            skipSpace()
            return index == bytes.count ? found : nil
        }

        /// Reads a key: the index of the wanted key it is, -1 for another key, nil if malformed.
        mutating func key(keys: [String], keyBytes: [[UInt8]]) -> Int? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var sawEscape = false, sawNonASCII = false
            guard let end = stringEnd(from: start, escape: &sawEscape, nonASCII: &sawNonASCII) else { return nil }
            if sawEscape || sawNonASCII {
                guard let key = string() else { return nil }
                return keys.firstIndex(of: key) ?? -1
            }
            index = end + 1
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            for (slot, wanted) in keyBytes.enumerated() where wanted.count == raw.count && wanted.elementsEqual(raw) {
                return slot
            }
            return -1
        }

        /// A string, an integer or null; nil for anything else (the caller falls back).
        mutating func simpleValue() -> Value? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "n"):
                guard literal("null") else { return nil }
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                guard number(), index - start <= 18 else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                // A fraction, an exponent or -0: fall back.
                guard text != "-0", let value = Int64(text) else { return nil }
                return .integer(value)
            default:
                return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// Skips any JSON value, checking its syntax.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth < 64, index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[index] == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == close { index += 1; return true }
                while true {
                    skipSpace()
                    if isObject {
                        guard skipString() else { return false }
                        skipSpace()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                        index += 1
                        skipSpace()
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    guard index < bytes.count else { return false }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == close else { return false }
                    index += 1
                    return true
                }
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        mutating func number() -> Bool {
            func digits() -> Int {
                let start = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                return index - start
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return false }
            if bytes[index] == 0x30 { index += 1 } else { _ = digits() }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return false }
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            return true
        }

        /// Skips a string, checking escapes, control characters and UTF-8.
        mutating func skipString() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
            let start = index + 1
            var sawEscape = false, sawNonASCII = false
            guard let end = stringEnd(from: start, escape: &sawEscape, nonASCII: &sawNonASCII) else { return false }
            if sawEscape { guard decodeEscaped(start..<end) != nil else { return false } }
            else if sawNonASCII { guard String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) != nil else { return false } }
            index = end + 1
            return true
        }

        /// A string's value (escapes decoded); nil if malformed.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var sawEscape = false, sawNonASCII = false
            guard let end = stringEnd(from: start, escape: &sawEscape, nonASCII: &sawNonASCII) else { return nil }
            index = end + 1
            if sawEscape { return decodeEscaped(start..<end) }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// The index of the closing quote; nil on a control character or the end of the line.
        func stringEnd(from start: Int, escape: inout Bool, nonASCII: inout Bool) -> Int? {
            var position = start
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { return position }
                if byte == UInt8(ascii: "\\") {
                    escape = true
                    position += 2
                    continue
                }
                if byte < 0x20 { return nil }
                if byte >= 0x80 { nonASCII = true }
                position += 1
            }
            return nil
        }

        /// Decodes a string body with escapes; nil on a bad escape, a lone surrogate or bad UTF-8.
        func decodeEscaped(_ range: Range<Int>) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(range.count)
            var position = range.lowerBound
            func hex4(_ at: Int) -> UInt32? {
                guard at + 4 <= range.upperBound else { return nil }
                var value: UInt32 = 0
                for offset in 0..<4 {
                    let byte = bytes[at + offset]
                    let digit: UInt8
                    switch byte {
                    case 0x30...0x39: digit = byte - 0x30
                    case 0x61...0x66: digit = byte - 0x61 + 10
                    case 0x41...0x46: digit = byte - 0x41 + 10
                    default: return nil
                    }
                    value = value << 4 | UInt32(digit)
                }
                return value
            }
            while position < range.upperBound {
                let byte = bytes[position]
                guard byte == UInt8(ascii: "\\") else {
                    out.append(byte)
                    position += 1
                    continue
                }
                guard position + 1 < range.upperBound else { return nil }
                let escaped = bytes[position + 1]
                position += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var value = hex4(position) else { return nil }
                    position += 4
                    if (0xD800...0xDBFF).contains(value) {
                        guard position + 6 <= range.upperBound, bytes[position] == UInt8(ascii: "\\"),
                              bytes[position + 1] == UInt8(ascii: "u"), let low = hex4(position + 2),
                              (0xDC00...0xDFFF).contains(low) else { return nil }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                    // A lone low surrogate or NUL: let JSONSerialization decide.
                    guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
                    out.append(contentsOf: String(scalar).utf8)
                default:
                    return nil
                }
            }
            return String(validating: out, as: UTF8.self)
        }
    }
}
