import Foundation
import PostLint

/// Document sync, linting and pushed diagnostics (all on the server's queue).
extension LanguageServer {
    // MARK: - Sync

    func didOpen(_ params: JSONValue) throws(JSONRPCError) {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.string, let text = item?["text"]?.string else {
            throw .invalidParams("didOpen needs textDocument.uri and textDocument.text")
        }
        documents.open(OpenDocument(uri: uri, languageId: item?["languageId"]?.string ?? "", version: item?["version"]?.int ?? 0, text: text))
        lintNow(uri)
    }

    func didChange(_ params: JSONValue) throws(JSONRPCError) {
        guard let uri = params["textDocument"]?["uri"]?.string, let changes = params["contentChanges"]?.array else {
            throw .invalidParams("didChange needs textDocument.uri and contentChanges")
        }
        try documents.change(uri, version: params["textDocument"]?["version"]?.int, changes: changes, encoding: client.encoding)
        scheduleLint(uri)
    }

    func didClose(_ params: JSONValue) throws(JSONRPCError) {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("didClose needs textDocument.uri") }
        pendingLints.removeValue(forKey: uri)?.cancel()
        documents.close(uri)
        linted[uri] = nil
        publish(uri, version: nil, diagnostics: [])
    }

    func didSave(_ params: JSONValue) throws(JSONRPCError) {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("didSave needs textDocument.uri") }
        if let path = DocumentLocation.path(ofURI: uri), configurations.isAffected(by: path) {
            configurationChanged()
        } else if documents[uri] != nil {
            pendingLints.removeValue(forKey: uri)?.cancel()
            lintNow(uri)
        }
    }

    func didChangeWatchedFiles(_ params: JSONValue) {
        let paths = (params["changes"]?.array ?? []).compactMap { $0["uri"]?.string }.compactMap(DocumentLocation.path(ofURI:))
        if paths.contains(where: configurations.isAffected(by:)) { configurationChanged() }
    }

    /// A configuration file changed: every run is rebuilt and every open document linted again.
    func configurationChanged() {
        configurations.invalidate()
        linted.removeAll()  // same texts, new settings
        for uri in documents.documents.keys.sorted() {
            pendingLints.removeValue(forKey: uri)?.cancel()
            lintNow(uri)
        }
    }

    // MARK: - Linting

    /// Lints `uri` once the changes have paused for `options.debounce`.
    func scheduleLint(_ uri: String) {
        pendingLints[uri]?.cancel()
        let item = DispatchWorkItem { [weak self] in
            guard let self else { return }
            self.pendingLints[uri] = nil
            self.lintNow(uri)
        }
        pendingLints[uri] = item
        queue.asyncAfter(deadline: .now() + options.debounce, execute: item)
    }

    /// Lints the open document `uri` now and publishes its diagnostics.
    func lintNow(_ uri: String) {
        guard !shutdownRequested, let document = documents[uri] else { return }
        // A .postlint.yml open in the editor is settings, not prose (its errors are shown on it).
        if let path = DocumentLocation.path(ofURI: uri), WorkspaceConfiguration.isConfigurationFile(path) { return }
        guard let result = findings(of: document) else {
            // Nothing was linted (the configuration is broken): no stale diagnostics stay.
            linted[uri] = nil
            publish(uri, version: document.version, diagnostics: [])
            return
        }
        linted[uri] = result
        for problem in result.problems {
            logMessage("postlint could not fully lint \(uri): \(problem)", type: .error)
        }
        publish(uri, version: document.version, diagnostics: result.findings.map {
            DiagnosticConversion.diagnostic($0, positions: result.positions, encoding: client.encoding, rules: result.rules)
        })
    }

    /// The document's current findings (the last lint's when the text has not changed since),
    /// or nil when its configuration cannot be read (the error is shown once).
    func findings(of document: OpenDocument) -> DocumentFindings? {
        if let last = linted[document.uri], last.positions.bytes.elementsEqual(document.text.utf8) {
            return last
        }
        let path = DocumentLocation.path(ofURI: document.uri)
        let folder = path.map { ($0 as NSString).deletingLastPathComponent } ?? client.rootPath ?? FileManager.default.currentDirectoryPath
        let resolved = configurations.resolve(folder: folder)
        switch resolved.run {
        case .success(let run):
            if let file = resolved.file, configurationErrors.remove(file) != nil {
                publish(DocumentLocation.uri(ofPath: file), version: nil, diagnostics: [])
            }
            return run.findings(of: document)
        case .failure(let error):
            if resolved.isNew { reportConfigurationError(error, file: resolved.file) }
            return nil
        }
    }

    /// Shows a configuration error to the user and pins it on the file (when there is one).
    func reportConfigurationError(_ error: RunSetupError, file: String?) {
        let text = error.lines.joined(separator: "\n")
        showMessage("postlint: \(text)", type: .error)
        logMessage("postlint: \(text)", type: .error)
        guard let file else { return }
        configurationErrors.insert(file)
        let (position, message) = Self.position(in: error.lines.first ?? text, file: file)
        let point = LSPRange.json(position)
        publish(DocumentLocation.uri(ofPath: file), version: nil, diagnostics: [[
            "range": ["start": point, "end": point], "severity": 1, "source": .string(DiagnosticConversion.source),
            "message": .string(message),
        ]])
    }

    /// The 0-based position and message of a `file:line:column: message` error line (the
    /// start of the file when the line names no position). Columns are counted as given.
    static func position(in line: String, file: String) -> (TextPosition, String) {
        var rest = Substring(line)
        if rest.hasPrefix(file + ":") { rest = rest.dropFirst(file.count + 1) }
        let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, let lineNumber = Int(parts[0]), let column = Int(parts[1]) {
            var message = parts[2].trimmingCharacters(in: .whitespaces)
            if message.hasPrefix("error: ") { message.removeFirst("error: ".count) }
            return (TextPosition(line: max(0, lineNumber - 1), character: max(0, column - 1)), message)
        }
        return (TextPosition(line: 0, character: 0), line)
    }

    func publish(_ uri: String, version: Int?, diagnostics: [JSONValue]) {
        var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version { params["version"] = .int(version) }
        notify("textDocument/publishDiagnostics", .object(params))
    }
}
