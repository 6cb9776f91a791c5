import PostLint

/// A document the editor has open: its text as the editor has it now.
struct OpenDocument: Sendable {
    var uri: String
    var languageId: String
    var version: Int
    var text: String
}

/// The open documents, kept in step with the editor by full and incremental changes
/// (`TextDocumentSyncKind.Incremental`): each change's range is converted from the negotiated
/// position encoding to UTF-8 bytes with `TextPositions` and spliced in, in the order given.
struct DocumentStore {
    private(set) var documents: [String: OpenDocument] = [:]

    subscript(uri: String) -> OpenDocument? { documents[uri] }

    mutating func open(_ document: OpenDocument) {
        documents[document.uri] = document
    }

    mutating func close(_ uri: String) {
        documents[uri] = nil
    }

    /// Applies `didChange`'s `contentChanges` to the open document `uri`.
    mutating func change(_ uri: String, version: Int?, changes: [JSONValue], encoding: PositionEncoding) throws(JSONRPCError) {
        guard var document = documents[uri] else {
            throw .invalidParams("'\(uri)' changed but is not open")
        }
        for change in changes {
            guard let text = change["text"]?.string else {
                throw .invalidParams("a content change of '\(uri)' has no 'text'")
            }
            guard let range = change["range"], range != .null else {
                document.text = text  // a full replacement
                continue
            }
            var bytes = Array(document.text.utf8)
            let positions = TextPositions(bytes: bytes)
            guard let replaced = LSPRange.bytes(of: range, in: positions, encoding: encoding) else {
                throw .invalidParams("a content change of '\(uri)' has a malformed range")
            }
            bytes.replaceSubrange(replaced, with: Array(text.utf8))
            // Positions land on scalar boundaries (TextPositions never splits a sequence), so
            // the bytes stay valid UTF-8.
            document.text = String(decoding: bytes, as: UTF8.self)
        }
        if let version { document.version = version }
        documents[uri] = document
    }
}
