import Foundation
@testable import PostLint
import Testing
import LibArchive
import ZIPFoundation

/// Issue 17's silent losses in exports: each was read as empty or wrong with exit 0 before.
@Suite struct ExportReliabilityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/exports")

    /// A fresh folder, removed after `body`.
    func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// The report of auditing `paths`, its problems including those met while reading
    /// (malformed records go to the sinks as they are met).
    func audit(_ paths: [String]) throws -> RunReport {
        let sink = CollectingSink()
        var report = try LintRun(options: RunOptions()).run(paths: paths, policy: .postsOnly, sinks: [sink])
        report.problems = sink.problems + report.problems
        return report
    }

    @Test func aLatin1CSVRowIsReportedAtItsBadByteAndTheOthersAreRead() throws {
        try inFolder { folder in
            let path = folder.appendingPathComponent("export.csv").path
            try Data([UInt8]("id,text\n1,caf".utf8) + [0xE9] + [UInt8](" good vibes only\n2,good vibes only\n".utf8)).write(to: URL(fileURLWithPath: path))
            let report = try audit([path])
            let problem = try #require(report.problems.first { $0.message.contains("not valid UTF-8") })
            #expect(problem.line == 2 && problem.column == 6)
            #expect(report.posts?.postsRead == 1 && report.posts?.badRecords == 1)
            #expect(report.status(failingAt: .never) == .problems)
        }
    }

    @Test(arguments: [
        ("posts.json", "[]", "no posts found"),
        ("outbox.json", #"{"orderedItems": {"a": 1}, "totalItems": 1}"#, "'orderedItems' is an object"),
        ("outbox.json", #"{"orderedItems": [], "totalItems": "5"}"#, "'totalItems' is a string"),
        ("outbox.json", #"{"first": "https://example.social/users/a/outbox?page=true", "totalItems": 4}"#, "a paged outbox"),
    ])
    func anExportWhoseShapeChangedIsAProblem(name: String, contents: String, expected: String) throws {
        try inFolder { folder in
            let path = folder.appendingPathComponent(name).path
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            let report = try audit([path])
            #expect(report.problems.contains { $0.file.hasSuffix(name) && $0.message.contains(expected) }, "\(report.problems)")
            #expect(report.status(failingAt: .never) == .problems)
        }
    }

    @Test func aJSONSyntaxErrorIsReportedAtItsLineAndColumn() throws {
        try inFolder { folder in
            let outbox = folder.appendingPathComponent("outbox.json").path
            try "{\"orderedItems\": [1,\n 2,, 3]}".write(toFile: outbox, atomically: true, encoding: .utf8)
            let tweets = folder.appendingPathComponent("tweets.js").path
            try #"window.YTD.tweets.part0 = [ {"tweet": {"full_text": "x",, }} ]"#.write(toFile: tweets, atomically: true, encoding: .utf8)
            let report = try audit([outbox, tweets])
            let first = try #require(report.problems.first { $0.file == outbox })
            #expect(first.line == 2 && first.column == 4 && first.message.contains("not valid JSON"))
            // Counted in the whole file, past the JavaScript prefix.
            let second = try #require(report.problems.first { $0.file == tweets })
            #expect(second.line == 1 && second.column == 57)
        }
    }

    @Test func aBrokenNoteTweetFileIsReportedNotIgnored() throws {
        try inFolder { folder in
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("x-archive/data/tweets.js"),
                                             to: folder.appendingPathComponent("tweets.js"))
            try "window.YTD.note_tweet.part0 = [ {".write(to: folder.appendingPathComponent("note-tweet.js"), atomically: true, encoding: .utf8)
            let report = try audit([folder.appendingPathComponent("tweets.js").path])
            #expect(report.problems.contains { $0.file.hasSuffix("note-tweet.js") && $0.message.contains("cut at their first 280") }, "\(report.problems)")
            #expect((report.posts?.postsRead ?? 0) > 0)
        }
    }

    /// A ZIP with one entry whose deflate stream is corrupt and one good entry: the bad one is
    /// named, the good one read; nothing is unpacked to the temporary folder.
    @Test func aZipWithABadEntryReadsTheOthersInMemory() throws {
        try inFolder { folder in
            let zip = folder.appendingPathComponent("export.zip")
            let archive = try Archive(url: zip, accessMode: .create)
            let outbox = Data(String(repeating: #"{"orderedItems": [], "totalItems": 0, "pad": "aaaaaaaaaaaaaaaa"}"#, count: 1).utf8
                              + Array(repeating: UInt8(ascii: " "), count: 4000))
            try archive.addEntry(with: "mastodon/outbox.json", type: .file, uncompressedSize: Int64(outbox.count), compressionMethod: .deflate) { position, size in
                outbox.subdata(in: Int(position)..<Int(position) + size)
            }
            let tweets = try Data(contentsOf: Self.fixtures.appendingPathComponent("x-archive/data/tweets.js"))
            try archive.addEntry(with: "data/tweets.js", type: .file, uncompressedSize: Int64(tweets.count), compressionMethod: .none) { position, size in
                tweets.subdata(in: Int(position)..<Int(position) + size)
            }
            // Corrupt the deflated entry's data (after its local header: 30 bytes, name, extra).
            var bytes = [UInt8](try Data(contentsOf: zip))
            let name = [UInt8]("mastodon/outbox.json".utf8)
            let header = try #require((0..<bytes.count - name.count).first { Array(bytes[($0 + 30)..<($0 + 30 + name.count)]) == name })
            let extra = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
            let data = header + 30 + name.count + extra
            for index in data..<(data + 8) { bytes[index] ^= 0xA5 }
            try Data(bytes).write(to: zip)

            let before = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("postlint-") && !$0.hasPrefix("postlint-test-") }
            let report = try audit([zip.path])
            #expect(report.problems.contains { $0.file == "\(zip.path)/mastodon/outbox.json" && $0.message.contains("cannot read this entry") }, "\(report.problems)")
            #expect((report.posts?.postsRead ?? 0) >= 3, "the good entry is read")
            #expect(report.documents.flatMap(\.findings).contains { $0.location.path == "\(zip.path)/data/tweets.js" })
            let after = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("postlint-") && !$0.hasPrefix("postlint-test-") }
            #expect(Set(after).subtracting(before).isEmpty, "no temporary folder is left behind")
        }
    }

    /// An entry that inflates past the cap stops at the cap (a bomb is refused, not inflated).
    @Test func anEntryPastTheCapIsRefusedWhileInflating() throws {
        try inFolder { folder in
            let zip = folder.appendingPathComponent("bomb.zip")
            let archive = try Archive(url: zip, accessMode: .create)
            let zeros = Data(count: 4 << 20)
            try archive.addEntry(with: "outbox.json", type: .file, uncompressedSize: Int64(zeros.count), compressionMethod: .deflate) { position, size in
                zeros.subdata(in: Int(position)..<Int(position) + size)
            }
            let capped = try ArchiveStream(path: zip.path, formats: .zip)
            #expect(try capped.next()?.path == "outbox.json")
            #expect(throws: ArchiveStream.Failure.self) { try capped.readData(limit: 1 << 20) }
            let whole = try ArchiveStream(path: zip.path, formats: .zip)
            _ = try whole.next()
            #expect(try whole.readData(limit: 8 << 20).count == 4 << 20)
        }
    }
}
