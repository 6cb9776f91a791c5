import Foundation
@testable import PostLint
import Testing

/// What the issue-16 readers keep beside the text: languages, content warnings, ids, dates.
@Suite struct PlatformReaderTests {
    static let exports = ReaderMutationTests.exports

    func posts(_ file: String, _ format: InputFormat) throws -> [Post] {
        var reader = try ReaderRegistry.open(path: Self.exports.appendingPathComponent(file).path, format: format, fields: FieldSelection())
        var posts: [Post] = []
        while let event = reader.next() { if case .post(let post) = event { posts.append(post) } }
        return posts
    }

    @Test func blueskyKeepsLanguagesSelfLabelsAndRecordKeys() throws {
        let posts = try posts("bluesky/repo.car", .bluesky)
        #expect(posts.map { $0.id.split(separator: "/").last.map(String.init) ?? "" } == ["3lbqa2aaaaa2a", "3lbqa3bbbbb2b", "3lbqa4ccccc2c", "3lbqa5ddddd2d"])
        #expect(posts.map(\.language) == ["en", "en", "en", "fr"])
        #expect(posts[2].contentWarning == "graphic-media" && posts[2].reference.contentWarning == "graphic-media")
        #expect(posts[0].reference.record == "app.bsky.feed.post/3lbqa2aaaaa2a")
        #expect(!posts.contains { $0.text.contains("deleted") })  // a history block outside the tree
    }

    @Test func takeoutSegmentsAndDatesAreRead() throws {
        let current = try posts("youtube/comments.csv", .youtube)
        #expect(current.first?.text == "> quoting the video: good vibes only\nno, not for me")
        #expect(current.first?.timestamp == "2025-01-12T10:00:00.123+00:00")
        let older = try posts("youtube/comments(1).csv", .youtube)
        #expect(older.map(\.text) == ["Everything happens for a reason, right?", "She said \"cheer up\", I said no"])
        let html = try posts("youtube/my-comments.html", .youtube)
        #expect(html.map(\.id) == ["UgwC1", "UgwC2", "UgwC3"])
        #expect(html[0].text == "Good vibes only & coffee ☕" && html[1].text == "Line one\nantidepressants are poison, change my mind")
    }

    @Test func tiktokAndPinterestEntries() throws {
        let tiktok = try posts("tiktok/user_data_tiktok.json", .tiktok)
        #expect(tiktok.map(\.timestamp) == ["2025-01-04 18:00:00", "2025-02-02 18:00:00", "2025-01-05 09:30:00"])
        #expect(tiktok[0].id == "https://www.tiktokv.com/share/video/7450000000000000001/" && tiktok[2].id == "CommentsList[0]")
        let pins = try posts("pinterest/pinterest.html", .pinterest)
        #expect(pins[0].text == "Self-care Sunday\n\nJust think positive, good vibes only ✨ & tea")
        #expect(pins[0].timestamp == "2024-01-13 15:35:01" && Timestamps.month(of: pins[0].timestamp!) == "2024-01")
        #expect(pins[0].id == "https://www.pinterest.com/pin/1001/")
    }
}
