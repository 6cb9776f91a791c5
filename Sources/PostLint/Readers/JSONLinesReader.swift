import Foundation

/// Reads JSON Lines one line at a time from a file handle (1 MiB chunks), so memory holds one
/// record at a time. A line that is not a JSON object, or lacks the text field, is a bad
/// record with its line number; blank lines are ignored.
struct JSONLinesReader: PostReader {
    var lines: LineChunker
    /// Decodes one line; runs on the batch workers (lines are handed out as pending records).
    let decoder: @Sendable ([UInt8], Int) -> ReaderEvent

    public init(path: String, handle: FileHandle, fields: FieldSelection) {
        self.lines = LineChunker(handle: handle)
        let scanner = JSONFieldScanner(fields: fields)
        decoder = { line, number in JSONLinesReader.decode(line, number: number, path: path, fields: fields, scanner: scanner) }
    }

    public mutating func wouldWait() -> Bool { lines.wouldWait() }

    public mutating func next() -> ReaderEvent? {
        while let (number, line) = lines.next() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return .pending(PendingRecord(bytes: Array(line), number: number, decoder: decoder))
        }
        return nil
    }

    /// One line as a post or a bad record. The field scanner reads the fields in use without
    /// decoding the whole line; anything it is unsure of goes to `JSONSerialization`.
    static func decode(_ line: [UInt8], number: Int, path: String, fields: FieldSelection,
                       scanner: JSONFieldScanner?) -> ReaderEvent {
        if let scanner, let record = scanner.scan(line[...]) {
            return JSONRecord.post(from: record, fields: fields, path: path, fallbackID: "line-\(number)",
                                   reference: PostReference(id: "", line: number), position: (number, 1))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line))
        } catch {
            return .bad(Diagnostic(file: path, line: number, column: 1, message: "not valid JSON; record skipped"))
        }
        guard let record = object as? [String: Any] else {
            return .bad(Diagnostic(file: path, line: number, column: 1, message: "not a JSON object; record skipped"))
        }
        return JSONRecord.post(from: record, fields: fields, path: path, fallbackID: "line-\(number)",
                               reference: PostReference(id: "", line: number), position: (number, 1))
    }
}

/// Splits a file into lines without reading it whole; strips a UTF-8 BOM at the start.
/// Reads take what is there (up to 1 MiB), so on a pipe a line is returned as soon as it
/// has arrived.
struct LineChunker {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var start = 0
    var lineNumber = 0
    var finished = false
    /// The end of the next line, when `wouldWait` found it (saves searching twice).
    private var knownNewline: Int?

    init(handle: FileHandle) { self.handle = handle }

    /// Lines of bytes already in memory (an archive entry).
    init(bytes: [UInt8]) {
        handle = FileHandle.nullDevice
        buffer = bytes
        finished = true
    }

    /// Whether `next()` would have to wait for input: no whole line is buffered and nothing is
    /// ready to read (a pipe whose writer paused). Never true for a regular file.
    mutating func wouldWait() -> Bool {
        if finished || knownNewline != nil { return false }
        if let newline = buffer[start...].firstIndex(of: 0x0A) {
            knownNewline = newline
            return false
        }
        var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 0
    }

    mutating func next() -> (Int, ArraySlice<UInt8>)? {
        while true {
            if let newline = knownNewline ?? buffer[start...].firstIndex(of: 0x0A) {
                knownNewline = nil
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return (lineNumber, stripBOM(line))
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return (lineNumber, stripBOM(line))
            }
            // Keep the unfinished line, read more.
            buffer.removeSubrange(0..<start)
            start = 0
            if readChunk() == 0 { finished = true }
        }
    }

    /// One read(2) of up to 1 MiB appended to the buffer: what it got (0 at the end or on an error).
    private mutating func readChunk() -> Int {
        let size = 1 << 20, count = buffer.count, descriptor = handle.fileDescriptor
        buffer.append(contentsOf: repeatElement(0, count: size))
        let got = buffer.withUnsafeMutableBufferPointer { pointer in
            var result: Int
            repeat { result = read(descriptor, pointer.baseAddress! + count, size) } while result < 0 && errno == EINTR
            return max(0, result)
        }
        buffer.removeLast(size - got)
        return got
    }

    private func stripBOM(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line
        if line.last == 0x0D { line = line.dropLast() }
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { return line.dropFirst(3) }
        return line
    }
}

/// Taking a post out of a decoded JSON object: dotted paths, the usual field names, ids and
/// timestamps that may be numbers.
enum JSONRecord {
    static func value(_ object: [String: Any], path: String) -> Any? {
        if !path.utf8.contains(UInt8(ascii: ".")) { return object[path] }
        var current: Any? = object
        for key in path.split(separator: ".") {
            if let dictionary = current as? [String: Any] {
                current = dictionary[String(key)]
            } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func post(from record: [String: Any], fields: FieldSelection, path: String, fallbackID: String,
                     reference: PostReference, position: (line: Int, column: Int)) -> ReaderEvent {
        post(from: DecodedJSONFields(object: record), fields: fields, path: path, fallbackID: fallbackID,
             reference: reference, position: position)
    }

    static func post<Record: JSONFields>(from record: Record, fields: FieldSelection, path: String, fallbackID: String,
                                         reference: PostReference, position: (line: Int, column: Int)) -> ReaderEvent {
        let textField = fields.text ?? record.firstPresent(FieldSelection.textNames)
        guard let textField, let rawText = record.text(at: textField) else {
            let message = fields.text.map { "no field '\($0)'; record skipped" }
                ?? "no text field (looked for \(FieldSelection.textNames.map { "'\($0)'" }.joined(separator: ", ")); choose one with --text-field); record skipped"
            return .bad(Diagnostic(file: path, line: position.line, column: position.column, message: message))
        }
        guard case .text(let text) = rawText else {
            return .bad(Diagnostic(file: path, line: position.line, column: position.column, message: "field '\(textField)' is not text; record skipped"))
        }
        let idField = fields.id ?? record.firstPresent(FieldSelection.idNames)
        let id = idField.flatMap { record.text(at: $0)?.text } ?? fallbackID
        let timestampField = fields.timestamp ?? record.firstPresent(FieldSelection.timestampNames)
        let timestamp = timestampField.flatMap { record.text(at: $0)?.text }
        var reference = reference
        reference.id = id
        reference.timestamp = timestamp
        if !fields.keep.isEmpty {
            var kept: [String: String] = [:]
            for name in fields.keep { if case .text(let value) = record.passThrough(at: name) { kept[name] = value } }
            reference.fields = kept
        }
        return .post(Post(id: id, timestamp: timestamp, text: text, reference: reference))
    }
}

/// A field's value as a post needs it: text (strings, and numbers written out), or something else.
enum JSONFieldText {
    case text(String)
    case notText

    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

/// The fields of one JSON record, however it was read.
protocol JSONFields {
    /// Whether the top-level key is present (even as null).
    func contains(_ key: String) -> Bool
    /// The value at a key or dotted path; nil when absent.
    func text(at path: String) -> JSONFieldText?
    /// The first of `names` present at the top level.
    func firstPresent(_ names: [String]) -> String?
    /// A `--keep-field` value as text: strings, numbers and booleans written out, objects and
    /// arrays as compact JSON; nil or `.notText` for null and absent fields.
    func passThrough(at path: String) -> JSONFieldText?
}

extension JSONFields {
    func firstPresent(_ names: [String]) -> String? { names.first { contains($0) } }
}

/// A record decoded whole by `JSONSerialization`.
struct DecodedJSONFields: JSONFields {
    let object: [String: Any]
    func contains(_ key: String) -> Bool { object[key] != nil }
    func text(at path: String) -> JSONFieldText? {
        JSONRecord.value(object, path: path).map { JSONRecord.string($0).map(JSONFieldText.text) ?? .notText }
    }
    func passThrough(at path: String) -> JSONFieldText? {
        guard let value = JSONRecord.value(object, path: path), !(value is NSNull) else { return nil }
        // NOTE: JSON booleans arrive as NSNumber of ObjC type "c" (JSON numbers never do).
        if let number = value as? NSNumber, String(cString: number.objCType) == "c" {
            return .text(number.boolValue ? "true" : "false")
        }
        if let text = JSONRecord.string(value) { return .text(text) }
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return .notText }
        return .text(String(decoding: data, as: UTF8.self))
    }
}

extension InputReader {
    static let jsonLines = InputReader.posts(.jsonl, "JSON Lines, one post per line, streamed",
                                             detects: { _, ext in ext == "jsonl" || ext == "ndjson" }) { source throws(PostLintError) in
        JSONLinesReader(path: source.shownAs, handle: try source.handle(), fields: source.fields)
    }
}
