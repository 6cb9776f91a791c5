import PostLint
import Testing

@Suite struct MarkdownProjectionTests {
    let linter: Linter

    init() throws {
        linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [\"good vibes only\"]")])
    }

    func positions(_ markdown: String) throws -> [String] {
        try linter.lint(text: markdown, format: .markdown).map { "\($0.location.line):\($0.location.column) \($0.match)" }
    }

    @Test func codeCodeSpansAndLinkURLsAreNotLintedButHeadingsAre() throws {
        let markdown = """
            # Why I stopped saying good vibes only

            ```
            good vibes only
            ```

            Some people write `good vibes only` in their bio.
            See [the post](https://example.org/good-vibes-only) and <https://good.vibes/only>.
            ~~~~
            good vibes only
            ~~~~

                good vibes only
            """
        #expect(try positions(markdown) == ["1:24 good vibes only"])
    }

    @Test func frontMatterCommentsAndHTMLTagsAreSkipped() throws {
        let yaml = "---\ntitle: good vibes only\n---\nText.\n<!-- good vibes only -->\n<span title=\"good vibes only\">ok</span>\n"
        #expect(try positions(yaml).isEmpty)
        let toml = "+++\ntitle = \"good vibes only\"\n+++\n<!--\ngood vibes only\n-->\nGood vibes only!\n"
        #expect(try positions(toml) == ["7:1 Good vibes only"])
    }

    @Test func linkTextImageAltQuotesAndListsAreLinted() throws {
        let markdown = """
            Read [good vibes only](https://x.org).
            ![good vibes only](pic.png)
            > quoted: good
            > vibes only
            - [ ] good vibes only
            1. **good** vibes *only*
            """
        #expect(try positions(markdown) == [
            "1:7 good vibes only", "2:3 good vibes only", "3:11 good\n> vibes only", "5:7 good vibes only", "6:6 good** vibes *only",
        ])
    }

    @Test func unclosedFenceRunsToTheEnd() throws {
        #expect(try positions("Intro.\n```\ngood vibes only\n").isEmpty)
    }

    @Test func crlfMarkdownKeepsColumns() throws {
        let markdown = "# Title\r\n\r\n```\r\ngood vibes only\r\n```\r\n\r\nSo, good vibes only.\r\n"
        #expect(try positions(markdown) == ["7:5 good vibes only"])
    }

    @Test func projectionMapsEveryByteBack() {
        let source = Array("a `x` b".utf8)
        let projection = MarkdownProjector.project(source)
        #expect(String(decoding: projection.bytes, as: UTF8.self) == "a   b")
        #expect(projection.sourceRange(for: 0..<1) == 0..<1)
        #expect(projection.sourceRange(for: 4..<5) == 6..<7)
        // A range that starts inside the separator moves to the next real byte.
        #expect(projection.sourceRange(for: 2..<5) == 5..<7)
    }
}

@Suite struct PositionTests {
    let linter: Linter

    init() throws {
        linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [\"good vibes\"]")])
    }

    func location(_ text: String) throws -> Location? { try linter.lint(text: text).first?.location }

    @Test func emojiCountAsOneColumnAndFourBytes() throws {
        let location = try #require(try location("😀😀 good vibes"))
        #expect((location.line, location.column, location.offset, location.length) == (1, 4, 9, 10))
        #expect((location.endLine, location.endColumn) == (1, 14))
    }

    @Test func combiningMarksCountAsTheirOwnScalars() throws {
        // "café" written with a combining acute accent: 5 scalars, 6 bytes.
        let location = try #require(try location("cafe\u{301} good vibes"))
        #expect((location.column, location.offset) == (7, 7))
    }

    @Test func crlfLinesAreCountedOnceAndColumnsIgnoreTheCR() throws {
        let location = try #require(try location("first\r\nsecond\r\n  good vibes"))
        #expect((location.line, location.column, location.offset) == (3, 3, 17))
    }

    @Test func multiLineMatchesEndOnTheirLastLine() throws {
        let location = try #require(try location("x good\r\nvibes y"))
        #expect((location.line, location.column, location.endLine, location.endColumn) == (1, 3, 2, 6))
    }
}
