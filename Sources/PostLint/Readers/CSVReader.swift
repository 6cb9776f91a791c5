import Foundation

/// Reads CSV or TSV with a header row, one record at a time: RFC 4180 quoting with quoted
/// line breaks, doubled quotes, a UTF-8 BOM and CRLF endings. A record whose quote never
/// closes is reported at its first line and skipped, and reading resumes on the next line;
/// a record with more fields than the header is reported and skipped, and so is a record
/// that is not valid UTF-8 (a Latin-1 or Windows-1252 file), at the line and column of its
/// first bad byte, as a text or JSON Lines file would be.
///
/// NOTE: hand-written rather than CSV.swift or SwiftCSV because bad records must be reported
/// with their line and skipped without losing the rest of the file, while streaming.
struct CSVReader: PostReader {
    let path: String
    let fields: FieldSelection
    let delimiter: UInt8
    var lines: LineChunker
    var pushedBack: [(Int, [UInt8])] = []
    var header: [String]?
    var row = 0
    var textColumn: Int?
    var idColumn: Int?
    var timestampColumn: Int?
    var headerProblem: Diagnostic?
    /// Other columns to keep for the caller (Reddit's post titles), and their last values.
    var keepColumns: [String] = []
    var lastExtra: [String: String] = [:]

    public init(path: String, handle: FileHandle, fields: FieldSelection, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.init(path: path, lines: LineChunker(handle: handle), fields: fields, delimiter: delimiter)
    }

    init(path: String, lines: LineChunker, fields: FieldSelection, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.path = path
        self.fields = fields
        self.delimiter = delimiter
        self.lines = lines
    }

    private mutating func nextLine() -> (Int, [UInt8])? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        return lines.next().map { ($0.0, Array($0.1)) }
    }

    enum Record {
        case fields(line: Int, values: [String])
        /// A quote that never closes, starting on this line.
        case broken(line: Int)
        /// A byte that is not UTF-8, at this line and (scalar) column.
        case badEncoding(line: Int, column: Int)
    }

    /// The next record, or nil at the end.
    private mutating func nextRecord() -> Record? {
        guard let (firstNumber, firstLine) = nextLine() else { return nil }
        var consumed: [(Int, [UInt8])] = [(firstNumber, firstLine)]
        var fields: [String] = [], field: [UInt8] = [], inQuotes = false, atFieldStart = true
        var line = firstLine
        // Decoding validates anyway, so a bad record costs nothing on the good path.
        var valid = true
        func decode(_ bytes: [UInt8]) -> String {
            if let string = String(validating: bytes, as: UTF8.self) { return string }
            valid = false
            return ""
        }
        while true {
            var index = 0
            while index < line.count {
                let byte = line[index]
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 < line.count, line[index + 1] == UInt8(ascii: "\"") { field.append(byte); index += 1 } else { inQuotes = false }
                    } else {
                        field.append(byte)
                    }
                } else if byte == delimiter {
                    fields.append(decode(field)); field = []; atFieldStart = true
                    index += 1
                    continue
                } else if byte == UInt8(ascii: "\"") && atFieldStart {
                    inQuotes = true
                } else {
                    field.append(byte)
                }
                atFieldStart = false
                index += 1
            }
            if !inQuotes { break }
            guard let (number, more) = nextLine() else {
                // The quote never closed: report the record, resume after its first line.
                pushedBack = Array(consumed.dropFirst())
                return .broken(line: firstNumber)
            }
            consumed.append((number, more))
            field.append(0x0A)
            line = more
        }
        fields.append(decode(field))
        if !valid, let (number, bytes) = consumed.first(where: { String(validating: $0.1, as: UTF8.self) == nil }) {
            let offset = Document.firstInvalidUTF8Offset(bytes)
            return .badEncoding(line: number, column: LineIndex(bytes).position(of: offset, in: bytes).column)
        }
        return .fields(line: firstNumber, values: fields)
    }

    public mutating func next() -> ReaderEvent? {
        if header == nil {
            guard let record = nextRecord() else { return nil }
            switch record {
            case .fields: break
            case .broken:
                headerProblem = Diagnostic(file: path, line: 1, column: 1, message: "the header row has a quote that never closes")
                return .bad(headerProblem!)
            case .badEncoding(let line, let column):
                headerProblem = Diagnostic(file: path, line: line, column: column, message: "the header row is not valid UTF-8; save the file as UTF-8")
                return .bad(headerProblem!)
            }
            guard case .fields(let line, let values) = record else { return nil }
            let names = values.map { $0.trimmingCharacters(in: .whitespaces) }
            header = names
            func column(_ wanted: String?, _ usual: [String]) -> Int? {
                if let wanted { return names.firstIndex(of: wanted) }
                return usual.lazy.compactMap { names.firstIndex(of: $0) }.first
            }
            textColumn = column(fields.text, FieldSelection.textNames)
            idColumn = column(fields.id, FieldSelection.idNames)
            timestampColumn = column(fields.timestamp, FieldSelection.timestampNames)
            if textColumn == nil {
                let wanted = fields.text.map { "'\($0)'" } ?? "any of \(FieldSelection.textNames.joined(separator: ", ")) (choose one with --text-column)"
                headerProblem = Diagnostic(file: path, line: line, column: 1, message: "the header has no text column \(wanted); columns are \(names.joined(separator: ", "))")
                return .bad(headerProblem!)
            }
        }
        guard headerProblem == nil, let names = header, let textColumn else { return nil }
        while let record = nextRecord() {
            row += 1
            guard case .fields(let line, let values) = record else {
                if case .broken(let line) = record {
                    return .bad(Diagnostic(file: path, line: line, column: 1, message: "row \(row): a quoted field is never closed; record skipped"))
                }
                if case .badEncoding(let line, let column) = record {
                    return .bad(Diagnostic(file: path, line: line, column: column,
                                           message: "row \(row) is not valid UTF-8 (Latin-1 or Windows-1252?); record skipped, save the file as UTF-8"))
                }
                continue
            }
            if values.count == 1 && values[0].isEmpty { row -= 1; continue }  // blank line
            if values.count > names.count {
                return .bad(Diagnostic(file: path, line: line, column: 1, message: "row \(row) has \(values.count) fields, the header has \(names.count); record skipped"))
            }
            guard textColumn < values.count else {
                return .bad(Diagnostic(file: path, line: line, column: 1, message: "row \(row) has no '\(names[textColumn])' field; record skipped"))
            }
            lastExtra = [:]
            for name in keepColumns {
                if let column = names.firstIndex(of: name), column < values.count { lastExtra[name] = values[column] }
            }
            let id = idColumn.flatMap { $0 < values.count && !values[$0].isEmpty ? values[$0] : nil } ?? "row-\(row)"
            let timestamp = timestampColumn.flatMap { $0 < values.count && !values[$0].isEmpty ? values[$0] : nil }
            return .post(Post(id: id, timestamp: timestamp, text: values[textColumn],
                              reference: PostReference(id: id, timestamp: timestamp, line: line, row: row)))
        }
        return nil
    }
}

extension InputReader {
    static let csv = InputReader.posts(.csv, "CSV with a header row, streamed", detects: { _, ext in ext == "csv" }) { source throws(PostLintError) in
        CSVReader(path: source.shownAs, lines: try source.lines(), fields: source.fields)
    }
    static let tsv = InputReader.posts(.tsv, "TSV with a header row, streamed", detects: { _, ext in ext == "tsv" || ext == "tab" }) {
        source throws(PostLintError) in
        CSVReader(path: source.shownAs, lines: try source.lines(), fields: source.fields, delimiter: 0x09)
    }
}
