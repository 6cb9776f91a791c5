import Foundation
import Testing

/// Multi-post inputs through the built binary: every synthetic export fixture yields exactly
/// the posts it holds, the same posts give the same findings in every format, malformed
/// records are reported and skipped, and output does not depend on the number of workers.
@Suite struct BatchTests {
    static let exports = CLIRunner.repository.appendingPathComponent("Fixtures/exports")

    func json(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, object: [String: Any], stderr: String) {
        let result = try CLIRunner.run(["check", "--no-config", "--format", "json", "--fail-on", "never"] + arguments, stdin: stdin, in: Self.exports)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return (result.status, object, result.stderr)
    }

    @Test(arguments: [
        ("x-archive/data/tweets.js", 3, 1), ("x-archive-old/tweet.js", 2, 0), ("x-archive-split/data/tweets-part1.js", 2, 0), ("mastodon/outbox.json", 3, 2),
        ("facebook/your_posts_1.json", 2, 2), ("facebook/your_posts__check_ins__photos_and_videos_1.json", 1, 1),
        ("instagram/posts_1.json", 2, 1), ("threads/threads_and_replies.json", 2, 0),
        ("reddit/posts.csv", 2, 0), ("reddit/comments.csv", 2, 0),
        ("archives/twitter-archive.zip", 3, 1), ("archives/mastodon-export.zip", 3, 2),
        ("same/posts.jsonl", 6, 0), ("same/posts.json", 6, 0), ("same/posts-export.csv", 6, 0), ("same/posts-export.tsv", 6, 0),
        // Issue 16: Bluesky, Mastodon tar.gz, TikTok, YouTube, Pinterest, and their archives.
        ("bluesky/repo.car", 4, 5), ("tiktok/user_data_tiktok.json", 3, 2), ("tiktok/Comments.json", 2, 0),
        ("youtube/comments.csv", 3, 1), ("youtube/comments(1).csv", 2, 0), ("youtube/my-comments.html", 3, 0),
        ("pinterest/pinterest.html", 3, 1),
        ("archives/archive-20250301120000-3f2a.tar.gz", 3, 2), ("archives/tiktok-export.zip", 3, 2),
        ("archives/takeout-youtube.zip", 3, 1), ("archives/takeout-youtube.tgz", 3, 1), ("archives/pinterest-export.zip", 3, 1),
        ("same/posts.car", 6, 0), ("same/user_data_tiktok.json", 6, 0), ("same/youtube-comments.csv", 6, 0), ("same/pins-same.html", 6, 0),
        ("same/tweets.js", 6, 0), ("same/outbox.json", 6, 0), ("same/archive-20250310120000-same.tar.gz", 6, 0),
    ])
    func eachFixtureYieldsExactlyItsPosts(file: String, posts: Int, skipped: Int) throws {
        let (status, object, stderr) = try json([file])
        #expect(status == 0, "\(stderr)")
        let summary = try #require(object["posts"] as? [String: Any])
        #expect(summary["postsRead"] as? Int == posts)
        // Posts in another language than the rules' are read but not linted (Bluesky's `langs`).
        let otherLanguages = (summary["otherLanguages"] as? [String: Int] ?? [:]).values.reduce(0, +)
        #expect((summary["postsLinted"] as? Int ?? -1) + otherLanguages == posts)
        #expect((summary["skipped"] as? [String: Int] ?? [:]).values.reduce(0, +) == skipped)
        #expect(summary["badRecords"] as? Int == 0)
    }

    func findingKeys(_ object: [String: Any], shift: Int = 0) -> [String] {
        (object["findings"] as? [[String: Any]] ?? []).map { finding in
            let location = finding["location"] as? [String: Any] ?? [:]
            // Platforms wrap the post id (at://did/app.bsky.feed.post/p1, …/video/p1/, …/pin/p1/): compare its last part.
            let id = (location["post"] as? [String: Any])?["id"] as? String ?? "?"
            let post = id.split(separator: "/").last.map(String.init) ?? id
            return "\(post) \(finding["rule"] as? String ?? "") \((location["offset"] as? Int ?? -1) + shift)+\(location["length"] as? Int ?? -1) "
                + "\(finding["match"] as? String ?? "")"
        }.sorted()
    }

    @Test func theSamePostsGiveTheSameFindingsInEveryFormat() throws {
        let reference = findingKeys(try json(["same/posts.jsonl"]).object)
        // p6 quotes "it is what it is" ("He said …"): reported speech is an exception for the sentence.
        #expect(reference.count == 5)
        for file in ["same/posts.json", "same/posts-export.csv", "same/posts-export.tsv", "same/tweets.js",
                     "same/posts.car", "same/user_data_tiktok.json", "same/youtube-comments.csv", "same/pins-same.html"] {
            #expect(findingKeys(try json([file]).object) == reference, "\(file)")
        }
        // Mastodon gives HTML: positions are in the post's HTML (after its "<p>"), the matches the same.
        let shifted = findingKeys(try json(["same/posts.jsonl"]).object, shift: 3)
        for file in ["same/outbox.json", "same/archive-20250310120000-same.tar.gz"] {
            #expect(findingKeys(try json([file]).object) == shifted, "\(file)")
        }
        let nested = try json(["--text-field", "data.body", "--id-field", "data.uuid", "same/nested.jsonl"])
        #expect(findingKeys(nested.object) == reference)
        let stdin = try String(contentsOf: Self.exports.appendingPathComponent("same/posts.jsonl"), encoding: .utf8)
        #expect(findingKeys(try json(["--input-format", "jsonl", "-"], stdin: stdin).object) == reference)
    }

    @Test func malformedRecordsAreReportedSkippedAndFailTheRun() throws {
        let jsonl = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "broken/records.jsonl"], in: Self.exports)
        #expect(jsonl.status == 2)
        #expect(jsonl.stderr.contains("broken/records.jsonl:2:1: error: not valid JSON; record skipped"))
        #expect(jsonl.stderr.contains("broken/records.jsonl:3:1: error: no text field"))
        #expect(jsonl.stdout.contains("4 posts read, 4 linted, 3 flagged; skipped: 2 bad records (see above)"))
        let csv = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "broken/rows.csv"], in: Self.exports)
        #expect(csv.status == 2)
        #expect(csv.stderr.contains("broken/rows.csv:5:1: error: row 3 has 4 fields, the header has 2; record skipped"))
        #expect(csv.stderr.contains("broken/rows.csv:6:1: error: row 4: a quoted field is never closed; record skipped"))
        #expect(csv.stdout.contains("broken/rows.csv (post c5, line 7):1:1: warning: 'Everything happens for a reason'"))
        let accepted = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "--skip-bad-records", "broken/records.jsonl"], in: Self.exports)
        #expect(accepted.status == 0)
    }

    @Test(arguments: [
        ("broken/repo.car", ["broken/repo.car: error: record app.bsky.feed.post/3lbqa3bbbbb2b: a post without 'text'; record skipped",
                             "broken/repo.car: error: record app.bsky.feed.post/3lbqa4ccccc2c: length 20 runs past the end of the data"]),
        ("broken/user_data_tiktok.json", ["broken/user_data_tiktok.json: error: VideoList[1] is not an object; record skipped",
                                          "broken/user_data_tiktok.json: error: VideoList[2] has no 'Title'; record skipped"]),
        ("broken/youtube-comments.csv", ["broken/youtube-comments.csv:3:1: error: row 2: 'Comment Text' is not valid JSON segments; record skipped"]),
        ("broken/pinterest.html", ["broken/pinterest.html: error: pin 2 (https://www.pinterest.com/pin/2/): no 'Title', 'Details' or 'Created at' field; record skipped"]),
    ])
    func badRecordsOfNewReadersAreNamedAndTheRestIsRead(file: String, messages: [String]) throws {
        let result = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", file], in: Self.exports)
        #expect(result.status == 2)
        for message in messages { #expect(result.stderr.contains(message), "\(result.stderr)") }
        #expect(result.stdout.contains("2 posts read, 2 linted, 2 flagged; skipped: \(messages.count) bad record"))
    }

    @Test func exportsThatYieldNoPostAreProblems() throws {
        let folder = try CLIRunner.temporaryDirectory()
        try Data(#"{"Post": {"Posts": {"VideoList": []}}}"#.utf8).write(to: folder.appendingPathComponent("user_data_tiktok.json"))
        try Data("Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\n".utf8)
            .write(to: folder.appendingPathComponent("comments.csv"))
        try Data("<html><h1>Pins</h1><h1>Boards</h1></html>".utf8).write(to: folder.appendingPathComponent("pinterest.html"))
        try Data([0x11, 0xA2, 0x65] + Array("roots".utf8) + [0x80, 0x67] + Array("version".utf8) + [0x01]).write(to: folder.appendingPathComponent("empty.car"))
        let result = try CLIRunner.run(["check", "--no-config", "--fail-on", "never",
                                        "user_data_tiktok.json", "comments.csv", "pinterest.html", "empty.car"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("user_data_tiktok.json: error: no TikTok video descriptions or comments found; not read"))
        #expect(result.stderr.contains("comments.csv: error: no YouTube comments found in this file"))
        #expect(result.stderr.contains("pinterest.html: error: no Pinterest pins found; not read"))
        #expect(result.stderr.contains("empty.car: error: no Bluesky posts (app.bsky.feed.post records) found; not read"))
    }

    @Test func newExportQuirksAreHandled() throws {
        // Bluesky: records found through the MST (a history block outside it is not read), the
        // at:// id, the non-UTC createdAt kept, `langs` deciding the language.
        let bluesky = try json(["bluesky/repo.car"]).object
        let posts = (bluesky["findings"] as? [[String: Any]] ?? []).compactMap { ($0["location"] as? [String: Any])?["post"] as? [String: Any] }
        #expect(posts.contains { $0["id"] as? String == "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbqa2aaaaa2a" })
        #expect(posts.contains { $0["timestamp"] as? String == "2025-02-01T10:00:00-07:00" })
        let summary = try #require(bluesky["posts"] as? [String: Any])
        #expect(summary["otherLanguages"] as? [String: Int] == ["fr": 1])
        // YouTube: JSON segments joined (\u003e decoded, line-break segments kept); Reddit's comments.csv stays Reddit's.
        let youtube = try json(["youtube/comments.csv"]).object
        let first = try #require((youtube["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "toxic-positivity/good-vibes-only" })
        #expect((first["location"] as? [String: Any])?["offset"] as? Int == 21)  // after "> quoting the video: "
        let reddit = try json(["reddit/comments.csv"]).object
        #expect(((reddit["posts"] as? [String: Any])?["postsRead"] as? Int) == 2)
        // Pinterest: title and description linted together, entities decoded.
        let pinterest = try json(["pinterest/pinterest.html"]).object
        #expect((pinterest["findings"] as? [[String: Any]] ?? []).contains { ($0["match"] as? String)?.lowercased() == "good vibes only" })
    }

    @Test func outputIsTheSameWithOneOrTwoWorkers() throws {
        let corpus = CLIRunner.repository.appendingPathComponent("Fixtures/corpus/labelled.jsonl").path
        let one = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "--format", "jsonl", "--jobs", "1", corpus])
        let two = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "--format", "jsonl", "--jobs", "2", corpus])
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.split(separator: "\n").count > 200)
        #expect(one.stdout.split(separator: "\n").last?.hasPrefix("{\"summary\":") == true)
    }

    @Test func exportQuirksAreHandled() throws {
        // Mastodon: the duplicate orderedItems key, HTML positions, a content warning post.
        let mastodon = try json(["mastodon/outbox.json"]).object
        let first = try #require((mastodon["findings"] as? [[String: Any]])?.first)
        let location = try #require(first["location"] as? [String: Any])
        #expect(first["match"] as? String == "Good vibes only")
        #expect(location["column"] as? Int == 4)  // after "<p>"
        #expect((location["post"] as? [String: Any])?["id"] as? String == "https://social.example/users/ana/statuses/1")
        let warned = (mastodon["findings"] as? [[String: Any]] ?? []).compactMap { (($0["location"] as? [String: Any])?["post"] as? [String: Any])?["contentWarning"] as? String }
        #expect(warned.isEmpty)  // the post with a content warning carries a crisis line, so it has no finding
        // Meta mojibake repaired before matching; X HTML entities and the note-tweet full text.
        let facebook = try json(["facebook/your_posts_1.json"]).object
        #expect((facebook["findings"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "safe-messaging/committed-suicide" })
        // X: the long post's full text from note-tweet.js ("…not doing it wrong." is cut from tweets.js).
        let folder = try CLIRunner.temporaryDirectory()
        try """
            id: house/wrong
            kind: phrases
            category: test
            severity: warning
            message: "'{match}'"
            explanation: For tests.
            sources: [https://example.org/rule]
            phrases: ["not doing it wrong"]
            examples:
              bad: ["you are [[not doing it wrong]]"]
              good: ["right"]
            """.write(to: folder.appendingPathComponent("wrong.yml"), atomically: true, encoding: .utf8)
        let x = try json(["--no-builtin-rules", "--rules", folder.appendingPathComponent("wrong.yml").path, "x-archive/data/tweets.js"]).object
        let rules = (x["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["house/wrong"])
    }

    @Test func archivesNameTheirEntriesAndBadArchivesAreReported() throws {
        let x = try json(["archives/twitter-archive.zip"]).object
        let paths = Set((x["findings"] as? [[String: Any]] ?? []).compactMap { ($0["location"] as? [String: Any])?["path"] as? String })
        #expect(paths == ["archives/twitter-archive.zip/data/tweets.js"])
        let folder = try CLIRunner.temporaryDirectory()
        try Data("PK not really a zip".utf8).write(to: folder.appendingPathComponent("broken.zip"))
        let broken = try CLIRunner.run(["check", "--no-config", "broken.zip"], in: folder)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.zip: error: not a readable ZIP archive ("), "\(broken.stderr)")
        #expect(broken.stderr.contains("); not read"))
    }

    @Test func redactKeepsPostTextOutOfEveryOutput() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("f.jsonl").path
        let result = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "--redact", "--format", "json", "--format", "jsonl:\(out)", "same/posts.jsonl"], in: Self.exports)
        let streamed = try String(contentsOfFile: out, encoding: .utf8)
        for text in ["Good vibes", "magnesium", "suicide a lot", "committed suicide"] {
            #expect(!result.stdout.contains(text), "\(text) leaked into json")
            #expect(!streamed.contains(text), "\(text) leaked into jsonl")
        }
        #expect(streamed.contains("\"id\":\"p3\""))
        #expect(streamed.contains("crisis-resources/missing-resource"))
    }
}

@Suite struct StreamedOutputTests {
    static let exports = CLIRunner.repository.appendingPathComponent("Fixtures/exports")

    @Test func jsonLinesOutputHoldsFindingsOfSingleDocumentsToo() throws {
        let result = try CLIRunner.run(["check", "--no-config", "--format", "jsonl", "--fail-on", "never", "-"], stdin: "Good vibes only!\n")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"rule\":\"toxic-positivity/good-vibes-only\"") == true)
        #expect(lines.last?.hasPrefix("{\"summary\":") == true)
    }

    @Test func theBaselineAlsoFiltersStreamedPosts() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let baseline = folder.appendingPathComponent("b.json").path
        let file = Self.exports.appendingPathComponent("same/posts.jsonl").path
        let written = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "--format", "jsonl", "--write-baseline", baseline, file])
        #expect(written.stderr.contains("wrote 5 findings to baseline"))
        let filtered = try CLIRunner.run(["check", "--no-config", "--fail-on", "never", "--format", "jsonl", "--baseline", baseline, file])
        #expect(filtered.stdout.split(separator: "\n").count == 1)  // only the summary line
        let both = try CLIRunner.run(["check", "--no-config", "--baseline", baseline, "--write-baseline", baseline, file])
        #expect(both.status == 2)
    }
}
