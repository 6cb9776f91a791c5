@testable import PostLint
import Testing

/// Readers and reporters are listed once; names, detection and help come from the lists.
@Suite struct RegistryTests {
    @Test func everyFormatHasOneReader() {
        #expect(ReaderRegistry.all.map(\.format).sorted { $0.rawValue < $1.rawValue } == InputFormat.allCases.sorted { $0.rawValue < $1.rawValue })
        for format in InputFormat.allCases { #expect(format.reader.format == format) }
        #expect(InputFormat.allCases.map(\.ordinal) == Array(InputFormat.allCases.indices))
    }

    @Test(arguments: [
        ("data/tweets.js", InputFormat.xArchive), ("note-tweet.js", .xArchive), ("posts.csv", .reddit), ("Comments.CSV", .reddit),
        ("export.csv", .csv), ("export.tsv", .tsv), ("a.ndjson", .jsonl), ("outbox.json", .mastodon),
        ("your_posts_1.json", .facebook), ("posts_1.json", .instagram), ("threads_and_replies.json", .threads), ("dump.json", .json),
        ("post.md", .markdown), ("notes.txt", .text),
    ])
    func formatsAreDetectedFromTheName(path: String, format: InputFormat) {
        #expect(InputFormat.detect(path: path) == format)
    }

    @Test func sharedAndLocalisedNamesAreDetectedFromTheContent() {
        let youtube = Array("\u{FEFF}Comment ID,Channel ID,Comment create timestamp,Price,Video ID,Comment text\n".utf8)
        let reddit = Array("id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n".utf8)
        #expect(InputFormat.detect(path: "comments.csv", head: youtube) == .youtube)
        #expect(InputFormat.detect(path: "комментарии.csv", head: youtube) == .youtube)
        #expect(InputFormat.detect(path: "comments.csv", head: reddit) == .reddit)
        #expect(InputFormat.detect(path: "Comments.json", head: Array(#"{"CommentsList": []}"#.utf8)) == .tiktok)
        #expect(InputFormat.detect(path: "ana_1a2b.html", head: Array("<div><h1 id=y1bkd>Pins</h1>".utf8)) == .pinterest)
        #expect(InputFormat.detect(path: "notes.json", head: Array("[]".utf8)) == .json)
        #expect(InputFormat.detect(path: "repo.car") == .bluesky && InputFormat.detect(path: "user_data_tiktok.json") == .tiktok)
        #expect(InputFormat.detect(path: "my-comments.html") == .youtube)
    }

    @Test func unknownNamesAreNotGuessed() {
        #expect(InputFormat.detect(path: "page.html") == nil && InputFormat.detect(path: "app.js") == nil)
        #expect(InputFormat.forPath("notes") == .text && InputFormat.forPath("a.markdown") == .markdown && InputFormat.forPath("x.json") == .text)
        #expect(!InputFormat.markdown.yieldsPosts && InputFormat.reddit.yieldsPosts && InputFormat.reddit.reader.isPlatformExport)
        #expect(!InputFormat.csv.reader.isPlatformExport)
    }

    @Test func reportersAreListedOnceAndOnlyJSONLinesStreams() {
        let names = ReporterRegistry.names
        #expect(names == ["text", "json", "jsonl", "sarif", "github", "junit", "checkstyle", "codeclimate", "rdjsonl"])
        #expect(Set(names).count == names.count)
        #expect(ReporterRegistry.all.filter(\.streams).map(\.name) == ["jsonl"])
        #expect(names.allSatisfy { ReporterRegistry.help.contains("\($0) (") })
    }
}

@Suite struct RegionListTests {
    /// `--region` help names the regions of `Rules/lists/`, and each of them loads.
    @Test func regionsComeFromTheCrisisLists() throws {
        let regions = RuleFile.builtinRegions
        #expect(["AU", "CA", "DE", "FR", "GB", "IE", "IN", "INTL", "NZ", "US"].allSatisfy(regions.contains))
        for region in regions { _ = try Linter(configuration: LinterConfiguration(region: region)) }
    }
}
