import PostLint

/// What the server takes from `initialize`: the position encoding both sides speak, the
/// workspace root, and the client features it can use.
struct ClientCapabilities {
    var encoding: PositionEncoding = .utf16
    /// The workspace folder (from `workspaceFolders`, `rootUri` or `rootPath`), for documents
    /// that have no file path (`untitled:`).
    var rootPath: String?
    var hoverMarkdown = true
    var watchesFilesDynamically = false

    init() {}

    init(initializeParams params: JSONValue) {
        let capabilities = params["capabilities"]
        encoding = Self.negotiate(capabilities?["general"]?["positionEncodings"]?.array?.compactMap(\.string))
        let folder = params["workspaceFolders"]?.array?.first?["uri"]?.string ?? params["rootUri"]?.string
        rootPath = folder.flatMap(DocumentLocation.path(ofURI:)) ?? params["rootPath"]?.string
        if let formats = capabilities?["textDocument"]?["hover"]?["contentFormat"]?.array?.compactMap(\.string), !formats.isEmpty {
            hoverMarkdown = formats.contains("markdown")
        }
        watchesFilesDynamically = capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
    }

    /// The client's first preferred encoding that `TextPositions` counts (utf-8, utf-16,
    /// utf-32); LSP's default utf-16 when the client offers none of them or says nothing.
    static func negotiate(_ offered: [String]?) -> PositionEncoding {
        for name in offered ?? [] {
            if let encoding = PositionEncoding(rawValue: name) { return encoding }
        }
        return .utf16
    }

    /// `initialize`'s result: what the server does.
    func initializeResult(version: String) -> JSONValue {
        [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                // 2 = TextDocumentSyncKind.Incremental
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "hoverProvider": true,
            ],
            "serverInfo": ["name": "postlint", "version": .string(version)],
        ]
    }
}
