/// Collects a reporter's output and hands it on in pieces of about `limit` bytes, so a report
/// of many findings is never held whole as text (issue 17). `finish()` hands on what is left.
struct PieceBuffer {
    private var text = ""
    private let limit: Int
    private let write: (String) -> Void

    init(limit: Int = 64 * 1024, to write: @escaping (String) -> Void) {
        self.limit = limit
        self.write = write
    }

    mutating func append(_ piece: String) {
        text += piece
        if text.utf8.count >= limit {
            write(text)
            text = ""
        }
    }

    mutating func finish() {
        if !text.isEmpty { write(text) }
        text = ""
    }

    /// Runs `body` with a buffer that hands its pieces to `write`, and hands on the rest.
    static func pieces(to write: (String) -> Void, _ body: (inout PieceBuffer) -> Void) {
        withoutActuallyEscaping(write) { write in
            var buffer = PieceBuffer(to: write)
            body(&buffer)
            buffer.finish()
        }
    }
}

extension Reporter {
    /// The whole output as one string, from `render(_:to:)`.
    func collected(_ report: RunReport) -> String {
        var text = ""
        render(report, to: { text += $0 })
        return text
    }
}
