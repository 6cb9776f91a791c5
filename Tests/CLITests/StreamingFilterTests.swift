import Foundation
import Testing

/// `postlint check --input-format jsonl --format jsonl -` as a pipe filter (issue 15): findings
/// on stdout with the post's id and `--keep-field` values, bad records on stderr with their
/// line while the stream goes on, and one summary line on stderr.
@Suite struct StreamingFilterTests {
    static let input = [
        #"{"id":"a","text":"Good vibes only!","author":"ann","n":3,"flag":true,"obj":{"y":[1,2],"x":"/"},"gone":null}"#,
        "not json",
        #"{"id":"b","text":null,"author":"bob"}"#,
        #"{"id":"c","text":"A quiet walk.","author":"cat"}"#,
        #"{"id":"d","text":"good vibes only","author":"dan","created_at":"2025-03-04T05:06:07Z"}"#,
    ].joined(separator: "\n") + "\n"

    func run(_ extra: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(["check", "--no-config", "--input-format", "jsonl", "--format", "jsonl", "--fail-on", "never"]
                          + extra + ["-"], stdin: Self.input)
    }

    func lines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func keptFieldsAreCopiedIntoEachFindingUnderPostFields() throws {
        let result = try run(["--keep-field", "author,n", "--keep-field", "flag,obj,gone,missing", "--skip-bad-records"])
        #expect(result.status == 0)
        let findings = try lines(result.stdout).filter { $0["type"] as? String == "finding" }
        let posts = findings.map { (($0["finding"] as! [String: Any])["location"] as! [String: Any])["post"] as! [String: Any] }
        #expect(posts.map { $0["id"] as! String } == ["a", "d"])
        #expect(posts[0]["fields"] as? [String: String] == ["author": "ann", "n": "3", "flag": "true", "obj": #"{"x":"/","y":[1,2]}"#])
        #expect(posts[1]["fields"] as? [String: String] == ["author": "dan"])
        #expect(posts[1]["timestamp"] as? String == "2025-03-04T05:06:07Z")
        #expect(result.stdout.contains(#""post":{"fields":{"author":"ann","flag":"true","n":"3","obj":"{\"x\":\"/\",\"y\":[1,2]}"},"id":"a","line":1}"#))
    }

    @Test func withoutKeepFieldTheFindingLinesAreAsBefore() throws {
        let result = try run(["--skip-bad-records"])
        #expect(!result.stdout.contains(#""fields""#))
    }

    @Test func badRecordsGoToStderrWithTheirLineAndTheStreamGoesOn() throws {
        let result = try run(["--skip-bad-records"])
        let stderr = result.stderr.split(separator: "\n").map(String.init)
        #expect(stderr.contains("postlint: <stdin>:2:1: error: not valid JSON; record skipped"))
        #expect(stderr.contains("postlint: <stdin>:3:1: error: field 'text' is not text; record skipped"))
        #expect(stderr.last?.hasPrefix("postlint: 3 posts read, 3 linted, 2 flagged, 2 findings, 2 bad records, 0 skipped in ") == true)
        #expect(stderr.filter { $0.contains("posts read") }.count == 1)
        let types = try lines(result.stdout).map { $0["type"] as! String }
        #expect(types == ["finding", "finding", "summary"])
        // Without --skip-bad-records the same stream is written, and the run exits 2.
        let strict = try run([])
        #expect(strict.status == 2)
        #expect(strict.stdout == result.stdout)
    }

    @Test func findingsOfPostsThatArrivedAreWrittenBeforeTheInputEnds() throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["check", "--no-config", "--input-format", "jsonl", "--format", "jsonl", "--fail-on", "never", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(#"{"id":"first","text":"Good vibes only!"}"#.utf8 + [0x0A]))
        // The first finding line arrives while standard input is still open.
        var received = Data()
        let deadline = Date().addingTimeInterval(60)
        while !received.contains(0x0A) && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        #expect(String(decoding: received, as: UTF8.self).contains(#""id":"first""#))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
