import PostLint

/// Requests on an open document: code actions and hover.
extension LanguageServer {
    func codeActions(_ params: JSONValue) throws(JSONRPCError) -> JSONValue {
        let (document, linted) = try current(params)
        guard let linted else { return [] }
        // Kinds are hierarchical: `only: ["quickfix"]` (or a parent of it) asks for these.
        if let only = params["context"]?["only"]?.array?.compactMap(\.string),
           !only.contains(where: { $0 == "quickfix" || "quickfix".hasPrefix($0 + ".") }) {
            return []
        }
        guard let requested = LSPRange.bytes(of: params["range"], in: linted.positions, encoding: client.encoding) else {
            throw .invalidParams("codeAction needs a range")
        }
        return .array(CodeActions.actions(uri: document.uri, requested: requested, in: linted, encoding: client.encoding))
    }

    func hover(_ params: JSONValue) throws(JSONRPCError) -> JSONValue {
        let (_, linted) = try current(params)
        guard let linted else { return .null }
        guard let position = LSPRange.position(params["position"]) else { throw .invalidParams("hover needs a position") }
        let offset = linted.positions.byteOffset(of: position, encoding: client.encoding)
        return Hover.hover(at: offset, in: linted, encoding: client.encoding, markdown: client.hoverMarkdown)
    }

    /// The open document a request names and its findings for its current text (linted now
    /// when a debounced lint is still pending).
    private func current(_ params: JSONValue) throws(JSONRPCError) -> (OpenDocument, DocumentFindings?) {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("the request needs textDocument.uri") }
        guard let document = documents[uri] else { throw .invalidParams("'\(uri)' is not open") }
        if let stale = pendingLints.removeValue(forKey: uri) {
            stale.cancel()
            lintNow(uri)
        }
        return (document, findings(of: document))
    }
}
