import Foundation
import PostLint
import Testing

/// `postlint lsp` through the built binary over pipes: lifecycle and exit codes, framing,
/// malformed input, position encodings, configuration errors, and diagnostics equal to
/// `check --format json` on the same text and configuration.
@Suite struct LSPTests {
    typealias S = LSPSession

    @Test func initializeShutdownExitIsCleanAndStdoutHoldsOnlyFrames() throws {
        let result = try S.run([S.initialize(), S.notification("initialized"), S.shutdownAndExit])
        #expect(!result.timedOut)
        #expect(result.status == 0)
        #expect(result.trailing.isEmpty)
        let capabilities = try #require((result.response(id: 1)?["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(capabilities["positionEncoding"] as? String == "utf-16")
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
        #expect(capabilities["hoverProvider"] as? Bool == true)
        #expect(result.response(id: 9_999)?.keys.contains("result") == true)
        #expect(result.messages.count == 2)
    }

    @Test func exitWithoutShutdownOrEndOfInputIsOne() throws {
        let early = try S.run([S.initialize(), S.notification("exit")])
        #expect(early.status == 1)
        let ended = try S.run([S.initialize()])
        #expect(ended.status == 1)
        let endedAfterShutdown = try S.run([S.initialize(), S.request(2, "shutdown")])
        #expect(endedAfterShutdown.status == 0)
    }

    @Test(arguments: [(["utf-8", "utf-16"], "utf-8"), (["utf-16", "utf-8"], "utf-16"), (["utf-7"], "utf-16"), ([], "utf-16")])
    func positionEncodingIsNegotiated(offered: [String], chosen: String) throws {
        let result = try S.run([S.initialize(encodings: offered), S.shutdownAndExit])
        let capabilities = (result.response(id: 1)?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == chosen)
    }

    @Test func framingAcceptsSplitWritesBatchedWritesAndHeaderVariants() throws {
        let split = S.request(3, "shutdown")
        let body = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
                                                               "params": ["textDocument": ["uri": "file:///nowhere.md"], "position": ["line": 0, "character": 0]]])
        let variant = Data("content-length: \(body.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".utf8) + body
        let chunks = [S.initialize() + Data("\r\n".utf8) + variant + split.prefix(7), split.dropFirst(7).prefix(20),
                      split.dropFirst(27), S.notification("exit")]
        let result = try S.run(chunks.map { Data($0) }, pause: 0.05)
        #expect(result.status == 0)
        #expect(result.messages.compactMap { $0["id"] as? Int } == [1, 2, 3])
        // The hover named a document that is not open: an error, not a crash.
        #expect((result.response(id: 2)?["error"] as? [String: Any])?["code"] as? Int == -32602)
    }

    @Test func malformedMessagesGetErrorsAndTheServerKeepsServing() throws {
        func raw(_ text: String) -> Data { Data("Content-Length: \(text.utf8.count)\r\n\r\n\(text)".utf8) }
        let chunks: [Data] = [
            S.request(1, "textDocument/hover"),                       // before initialize
            S.initialize(2),
            Data("Content-Type: text/plain\r\n\r\n".utf8),            // no Content-Length
            Data("Content-Length: many\r\n\r\n".utf8),                // not a number
            raw("{not json"),
            raw("[1, 2]"),
            raw(#"{"jsonrpc": "2.0", "id": 7}"#),
            raw(#"{"jsonrpc": "1.0", "id": 8, "method": "shutdown"}"#),
            S.request(9, "textDocument/definition"),                  // unknown method
            S.notification("textDocument/unknownThing"),
            S.notification("textDocument/didOpen", ["textDocument": ["uri": "file:///x.md"]]),  // no text
            S.request(10, "textDocument/codeAction", ["textDocument": ["uri": "file:///x.md"]]),
            S.shutdownAndExit,
        ]
        let result = try S.run(chunks)
        #expect(!result.timedOut)
        #expect(result.status == 0)
        #expect(result.trailing.isEmpty)
        func code(_ message: [String: Any]?) -> Int? { (message?["error"] as? [String: Any])?["code"] as? Int }
        #expect(code(result.response(id: 1)) == -32002)
        #expect(result.response(id: 2)?["result"] != nil)
        let anonymous = result.messages.filter { $0["id"] is NSNull }.map(code)
        #expect(anonymous == [-32700, -32700, -32700, -32600])
        #expect(code(result.response(id: 7)) == -32600)
        #expect(code(result.response(id: 8)) == -32600)
        #expect(code(result.response(id: 9)) == -32601)
        #expect(code(result.response(id: 10)) == -32602)
        #expect(result.response(id: 9_999)?.keys.contains("result") == true)
        #expect(result.stderr.contains("unknown notification 'textDocument/unknownThing'"))
    }

    // MARK: - Same findings as check

    static let config = """
        version: 1
        region: GB
        overrides:
          - files: ["posts/**"]
            rules: {toxic-positivity: error}
        """

    /// Emoji (two UTF-16 units, four bytes), an accent, CRLF line ends and Markdown code.
    static let draft = "# 😀 Café news 🎉\r\n\r\nGood vibes only! 👋🏽 Everything happens for a reason.\r\n\r\n"
        + "`good vibes only` in code is skipped. I want to kill myself some days.\r\n"

    @Test(arguments: ["utf-16", "utf-8"])
    func diagnosticsEqualCheckJSONFindings(encoding: String) throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.config.write(to: root.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("posts"), withIntermediateDirectories: true)
        let file = root.appendingPathComponent("posts/draft.md")
        let uri = file.absoluteString
        let result = try S.run([
            S.initialize(encodings: [encoding]),
            S.notification("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": Self.draft]]),
            S.shutdownAndExit,
        ])
        #expect(result.status == 0)
        let published = try #require(result.notifications("textDocument/publishDiagnostics").first?["params"] as? [String: Any])
        #expect(published["uri"] as? String == uri)
        #expect(published["version"] as? Int == 1)
        let diagnostics = try #require(published["diagnostics"] as? [[String: Any]])

        let check = try CLIRunner.run(["check", "--format", "json", "--stdin-filename", "posts/draft.md", "-"], stdin: Self.draft, in: root)
        #expect(check.status == 1, "\(check.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count >= 3)

        let positions = TextPositions(Self.draft)
        let unit = PositionEncoding(rawValue: encoding)!
        func expected(_ finding: [String: Any]) -> String {
            let location = finding["location"] as! [String: Any]
            let offset = location["offset"] as! Int, length = location["length"] as! Int
            let start = positions.position(ofByte: offset, encoding: unit), end = positions.position(ofByte: offset + length, encoding: unit)
            let severity = ["error": 1, "warning": 2, "info": 3][finding["severity"] as! String]!
            return "\(finding["rule"]!) \(severity) \(start.line):\(start.character)-\(end.line):\(end.character) \(finding["message"]!)"
        }
        func actual(_ diagnostic: [String: Any]) -> String {
            let range = diagnostic["range"] as! [String: [String: Int]]
            return "\(diagnostic["code"]!) \(diagnostic["severity"]!) \(range["start"]!["line"]!):\(range["start"]!["character"]!)-"
                + "\(range["end"]!["line"]!):\(range["end"]!["character"]!) \(diagnostic["message"]!)"
        }
        #expect(diagnostics.map(actual) == findings.map(expected))
        // The override made toxic positivity an error here; the region picked the UK's line.
        #expect(diagnostics.contains { $0["code"] as? String == "toxic-positivity/good-vibes-only" && $0["severity"] as? Int == 1 })
        #expect(diagnostics.allSatisfy { $0["source"] as? String == "postlint" })
        let href = (diagnostics.first?["codeDescription"] as? [String: Any])?["href"] as? String
        #expect(href == RuleDocs.pageURL(of: diagnostics.first?["code"] as? String ?? ""))
        // "Good" starts after "# 😀 Café news 🎉", a blank line: line 2, column 0 in any encoding;
        // "Everything" sits after the waving hand with a skin tone (4 UTF-16 units, 8 bytes).
        let everything = try #require(diagnostics.first { $0["code"] as? String == "toxic-positivity/everything-happens-for-a-reason" })
        let start = (everything["range"] as? [String: [String: Int]])?["start"]
        #expect(start == ["line": 2, "character": encoding == "utf-16" ? 22 : 26])
    }

    @Test func aBrokenConfigurationIsShownAndTheServerKeepsServing() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try "version: 1\nregoin: GB\n".write(to: root.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)
        let uri = root.appendingPathComponent("draft.txt").absoluteString
        let result = try S.run([
            S.initialize(),
            S.notification("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": "Good vibes only"]]),
            S.request(2, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 1]]),
            S.shutdownAndExit,
        ])
        #expect(result.status == 0)
        let shown = result.notifications("window/showMessage").compactMap { $0["params"] as? [String: Any] }
        #expect(shown.count == 1)
        #expect(shown.first?["type"] as? Int == 1)
        #expect((shown.first?["message"] as? String)?.contains("regoin") == true)
        let onConfig = result.notifications("textDocument/publishDiagnostics").compactMap { $0["params"] as? [String: Any] }
            .first { ($0["uri"] as? String)?.hasSuffix(".postlint.yml") == true }
        let diagnostic = try #require((onConfig?["diagnostics"] as? [[String: Any]])?.first)
        #expect((diagnostic["range"] as? [String: [String: Int]])?["start"]?["line"] == 1)
        #expect(result.response(id: 2)?["result"] is NSNull)
    }
}

extension LSPTests {
    /// Incremental changes land where the editor meant them: after a surrogate pair (utf-16)
    /// and across a CRLF line end; a request after the change sees the new text at once,
    /// without waiting for the debounce.
    @Test func incrementalChangesAreSplicedInTheNegotiatedEncoding() throws {
        let uri = "untitled:draft-1"
        func change(_ version: Int, _ range: [Int], _ text: String) -> Data {
            S.notification("textDocument/didChange", [
                "textDocument": ["uri": uri, "version": version],
                "contentChanges": [["range": ["start": ["line": range[0], "character": range[1]], "end": ["line": range[2], "character": range[3]]],
                                    "text": text]],
            ])
        }
        func hover(_ id: Int, _ line: Int, _ character: Int) -> Data {
            S.request(id, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])
        }
        let result = try S.run([
            S.initialize(),
            S.notification("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": "😀 ok\r\nbye\r\n"]]),
            change(2, [0, 3, 0, 5], "Good vibes only"),          // "ok" (after 2 + 1 units) replaced
            hover(2, 0, 4),
            change(3, [0, 18, 1, 3], "!\r\nEverything happens for a reason"),  // the CRLF and "bye" replaced
            hover(3, 1, 0),
            S.shutdownAndExit,
        ])
        #expect(result.status == 0)
        func range(_ id: Int) -> [String: [String: Int]]? {
            (result.response(id: id)?["result"] as? [String: Any])?["range"] as? [String: [String: Int]]
        }
        #expect(range(2) == ["start": ["line": 0, "character": 3], "end": ["line": 0, "character": 18]])
        #expect(range(3) == ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 31]])
        let value = (((result.response(id: 3)?["result"] as? [String: Any])?["contents"]) as? [String: Any])?["value"] as? String
        #expect(value?.contains("toxic-positivity/everything-happens-for-a-reason") == true)
    }
}

extension LSPTests {
    static let pathologicalRule = """
        id: house/slow
        kind: pattern
        category: toxic-positivity
        severity: warning
        title: A pattern that backtracks without end on a run of a's
        message: "'{match}' again"
        explanation: For tests.
        sources: [https://example.org/rule]
        pattern: '(a+)+$'
        examples:
          bad: ["[[aa]]"]
          good: ["calm"]
        """

    /// A rule that fails on a text (PCRE2's match limit) is logged to the client; the other
    /// rules' diagnostics are still published and the server goes on with the next document.
    @Test func aDocumentThatFailsToLintIsLoggedAndTheServerKeepsServing() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try Self.pathologicalRule.write(to: root.appendingPathComponent("rules/slow.yml"), atomically: true, encoding: .utf8)
        try "version: 1\nrule-folders: [rules]\n".write(to: root.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)
        let failing = root.appendingPathComponent("a.txt").absoluteString, fine = root.appendingPathComponent("b.txt").absoluteString
        let result = try S.run([
            S.initialize(),
            S.notification("textDocument/didOpen", ["textDocument": ["uri": failing, "languageId": "plaintext", "version": 1,
                                                                     "text": "Good vibes only. " + String(repeating: "a", count: 40) + "!"]]),
            S.notification("textDocument/didOpen", ["textDocument": ["uri": fine, "languageId": "plaintext", "version": 1, "text": "Good vibes only"]]),
            S.shutdownAndExit,
        ], in: root)
        #expect(result.status == 0)
        let logged = result.notifications("window/logMessage").compactMap { $0["params"] as? [String: Any] }
        #expect(logged.contains { $0["type"] as? Int == 1 && ($0["message"] as? String)?.contains("match limit exceeded") == true })
        let published = result.notifications("textDocument/publishDiagnostics").compactMap { $0["params"] as? [String: Any] }
        func codes(_ uri: String) -> [String]? {
            (published.first { $0["uri"] as? String == uri }?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        }
        #expect(codes(failing) == ["toxic-positivity/good-vibes-only"])
        #expect(codes(fine) == ["toxic-positivity/good-vibes-only"])
    }
}

extension LSPTests {
    /// A rule that flags something missing (a crisis line after a mention of suicide) adds its
    /// suggestion as a paragraph at the end instead of replacing the words that made it fire;
    /// its "disable for this line" comment in plain text is a plain line, with the CRLF kept.
    @Test func aMissingResourceIsAddedAtTheEndNotSwappedIn() throws {
        let uri = "untitled:draft-2"
        let text = "Some days I want to kill myself.\r\nThat is all.\r\n"
        let result = try S.run([
            S.initialize(),
            S.notification("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "plaintext", "version": 1, "text": text]]),
            S.request(2, "textDocument/codeAction", ["textDocument": ["uri": uri],
                                                     "range": ["start": ["line": 0, "character": 22], "end": ["line": 0, "character": 22]],
                                                     "context": ["diagnostics": [], "only": ["quickfix"]]]),
            S.shutdownAndExit,
        ])
        let actions = try #require(result.response(id: 2)?["result"] as? [[String: Any]])
        func edit(_ action: [String: Any]) -> [String: Any]? {
            (((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])?.first
        }
        let add = try #require(actions.first { ($0["title"] as? String)?.hasPrefix("Add '") == true })
        let addition = try #require(edit(add))
        #expect((addition["range"] as? [String: [String: Int]])?["start"] == ["line": 2, "character": 0])
        #expect((addition["newText"] as? String)?.hasPrefix("\r\n") == true)
        #expect((addition["newText"] as? String)?.contains("988") == true)
        let disable = try #require(actions.first { ($0["title"] as? String)?.hasPrefix("Disable crisis-resources/") == true })
        let comment = try #require(edit(disable)?["newText"] as? String)
        #expect(comment.hasPrefix("postlint-disable-next-line crisis-resources/") && comment.hasSuffix("\r\n"))
        #expect(!actions.contains { ($0["title"] as? String)?.hasPrefix("Replace with") == true })
    }
}
