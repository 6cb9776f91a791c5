import Foundation
@testable import PostLint
import Testing

/// Mutation testing of the readers added for issue 16: each fixture's bytes flipped, cut,
/// duplicated and spliced a few hundred times from a fixed seed. Every run must end without a
/// crash or hang, yield only posts, skips and bad records (never a pending record left
/// undecoded), and every finding on a post must point inside that post's text.
@Suite struct ReaderMutationTests {
    static let exports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/exports")
    static let linter = try! Linter()

    /// SplitMix64: deterministic, so a failure reproduces from its case number.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    static func mutate(_ input: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = input
        for _ in 0...random.below(4) {
            guard !bytes.isEmpty else { return bytes }
            let at = random.below(bytes.count)
            switch random.below(6) {
            case 0: bytes[at] ^= UInt8(1 << random.below(8))                            // flip a bit
            case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())                // replace a byte
            case 2: bytes.removeSubrange(at...)                                         // truncate
            case 3:                                                                     // duplicate a run
                let end = min(bytes.count, at + 1 + random.below(64))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            case 4: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(32)))  // cut a run
            default: bytes[at] = [0x00, 0xFF, 0x7F, 0x80, 0x22, 0x2C, 0x0A, 0x3C, 0xBF, 0x9F][random.below(10)]  // interesting bytes
            }
        }
        return bytes
    }

    /// Reads `bytes` as `format` (named `name`), checking every event.
    static func check(_ bytes: [UInt8], name: String, format: InputFormat, case number: Int) {
        let reader: any PostReader
        do {
            reader = try ReaderRegistry.open(path: name, format: format, fields: FieldSelection(), data: Data(bytes))
        } catch {
            return  // refused whole, with a diagnostic: fine
        }
        var events = reader, count = 0
        while let event = events.next() {
            count += 1
            guard count <= bytes.count + 16 else { Issue.record("case \(number) of \(name): more events than bytes"); return }
            var decoded = event
            if case .pending(let record) = event { decoded = record.decoded() }
            switch decoded {
            case .post(let post):
                let length = post.text.utf8.count
                for finding in linter.lint(post.document(path: name)).findings {
                    let location = finding.location
                    #expect(location.offset >= 0 && location.length >= 0 && location.offset + location.length <= length,
                            "case \(number) of \(name): finding outside its post")
                }
            case .skipped(let reason): #expect(!reason.isEmpty)
            case .bad(let diagnostic): #expect(diagnostic.file == name && diagnostic.line >= 0 && !diagnostic.message.isEmpty)
            case .pending: Issue.record("case \(number) of \(name): a pending record decoded to another pending record")
            }
        }
    }

    @Test(arguments: [
        ("bluesky/repo.car", InputFormat.bluesky), ("same/posts.car", .bluesky), ("broken/repo.car", .bluesky),
        ("tiktok/user_data_tiktok.json", .tiktok), ("tiktok/Comments.json", .tiktok),
        ("youtube/comments.csv", .youtube), ("youtube/comments(1).csv", .youtube), ("youtube/my-comments.html", .youtube),
        ("pinterest/pinterest.html", .pinterest),
    ])
    func mutatedFixturesNeverCrash(file: String, format: InputFormat) throws {
        let original = [UInt8](try Data(contentsOf: Self.exports.appendingPathComponent(file)))
        Self.check(original, name: file, format: format, case: -1)
        var random = Random(state: 0x16 &* UInt64(file.utf8.count) &+ 2026)
        for number in 0..<400 {
            Self.check(Self.mutate(original, &random), name: file, format: format, case: number)
        }
    }

    /// Tar archives through libarchive: mutated `.tar.gz` files are refused or read, never a crash or hang.
    @Test func mutatedTarArchivesNeverCrash() throws {
        let original = [UInt8](try Data(contentsOf: Self.exports.appendingPathComponent("archives/archive-20250301120000-3f2a.tar.gz")))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-tar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = Random(state: 16)
        let path = folder.appendingPathComponent("archive-x.tar.gz").path
        for number in 0..<300 {
            try Data(Self.mutate(original, &random)).write(to: URL(fileURLWithPath: path))
            var problems: [Diagnostic] = []
            guard let inputs = try? ArchiveInputs.expand(path, problems: &problems) else { continue }
            for input in inputs {
                Self.check([UInt8](input.data ?? Data()), name: input.displayPath, format: input.format, case: number)
            }
        }
    }

    /// The CBOR decoder's limits: deep nesting and huge declared lengths are refused without allocating.
    @Test func theDecoderRefusesBombs() {
        let deep = [UInt8](repeating: 0x81, count: 100_000) + [0x00]  // [[[[…0…]]]]
        #expect(throws: DAGCBOR.Failure.self) { try DAGCBOR.decode(deep[...]) }
        let huge: [UInt8] = [0x5B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]  // bytes of length 2^63-1
        #expect(throws: DAGCBOR.Failure.self) { try DAGCBOR.decode(huge[...]) }
        let indefinite: [UInt8] = [0x9F, 0x00, 0xFF]
        #expect(throws: DAGCBOR.Failure.self) { try DAGCBOR.decode(indefinite[...]) }
        let duplicate: [UInt8] = [0xA2, 0x61, 0x61, 0x00, 0x61, 0x61, 0x01]
        #expect(throws: DAGCBOR.Failure.self) { try DAGCBOR.decode(duplicate[...]) }
        let link: [UInt8] = [0xD8, 0x2A, 0x43, 0x00, 0x01, 0x71]
        #expect((try? DAGCBOR.decode(link[...])) == .link([0x01, 0x71]))
    }
}
