import Foundation

/// One input to lint: its bytes (valid UTF-8), its format and the path findings are reported under.
public struct Document: Sendable {
    public var path: String?
    public var bytes: [UInt8]
    public var format: InputFormat
    /// A content warning kept outside the text (a platform's spoiler or subject field), which
    /// rules can consult with the `content-warning` scope; never linted itself.
    public var contentWarning: String?

    public init(text: String, format: InputFormat = .text, path: String? = nil, contentWarning: String? = nil) {
        self.path = path
        self.bytes = Array(text.utf8)
        self.format = format
        self.contentWarning = contentWarning
    }

    /// Validates `data` as text: a NUL byte means binary, and invalid UTF-8 is named with the
    /// line and column of the first bad byte. A UTF-8 byte-order mark is kept (it is one scalar).
    public init(data: Data, format: InputFormat, path: String) throws(PostLintError) {
        let bytes = [UInt8](data)
        if bytes.prefix(8000).contains(0) {
            throw .unreadableInput(Diagnostic(file: path, message: "binary file (contains NUL bytes); not linted"))
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            let offset = Document.firstInvalidUTF8Offset(bytes)
            let index = LineIndex(Array(bytes[..<offset]))
            let position = index.position(of: offset, in: bytes)
            throw .unreadableInput(Diagnostic(file: path, line: position.line, column: position.column,
                                              message: "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset)); not linted"))
        }
        self.path = path
        self.bytes = bytes
        self.format = format
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return bytes.count
            case .error: return min(offset, max(0, bytes.count - 1))
            }
        }
    }
}
