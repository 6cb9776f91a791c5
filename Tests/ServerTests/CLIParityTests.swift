import Foundation
import HummingbirdTesting
import PostLintServer
import Testing

/// The built `postlint` binary next to the test bundle (the test target depends on it).
enum CLI {
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("postlint") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    static func run(_ arguments: [String], stdin: String = "", in directory: URL? = nil) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// `/v1/check` answers with the same findings as `postlint check --format json` for the same
/// text and configuration (the acceptance test for the HTTP server).
@Suite struct CLIParityTests {
    static let draft = """
        # My week 🌈

        Good vibes only! Everything happens for a reason. Stop suffering from depression,
        it's all in your head. This supplement cures anxiety, studies show.

        He committed suicide last year.

        ```
        good vibes only
        ```
        """

    static let configuration = """
        version: 1
        region: GB
        rules:
          stigma: error
        overrides:
          - files: ["posts/**"]
            rules: {toxic-positivity: info}
        """

    @Test(arguments: [nil, "posts/week.md", "week.txt"])
    func findingsEqualTheCLIs(path: String?) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.configuration.write(to: folder.appendingPathComponent(".postlint.yml"), atomically: true, encoding: .utf8)

        var arguments = ["check", "--format", "json", "--config", ".postlint.yml", "--fail-on", "never"]
        if let path { arguments += ["--stdin-filename", path] } else { arguments += ["--input-format", "markdown"] }
        let cli = try CLI.run(arguments + ["-"], stdin: Self.draft, in: folder)
        #expect(cli.status == 0)
        let cliFindings = try #require(((try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8))) as? [String: Any])?["findings"] as? NSArray)
        #expect(cliFindings.count >= 4)

        var request: [String: Any] = ["text": Self.draft, "config": Self.configuration]
        if let path { request["path"] = path } else { request["format"] = "markdown" }
        let body = ServerHarness.json(request)
        let serverText = try await ServerHarness.test { client in
            try await client.execute(uri: "/v1/check", method: .post, headers: ServerHarness.jsonType, body: body).text
        }
        let serverFindings = try #require(((try JSONSerialization.jsonObject(with: Data(serverText.utf8))) as? [String: Any])?["findings"] as? NSArray)
        #expect(serverFindings == cliFindings)
    }
}
