import Foundation
import PostLint
import Testing

@Suite struct NormalizationTests {
    let linter: Linter

    init() throws {
        linter = try makeLinter([
            "p.yml": ruleYAML(id: "t/vibes", kind: "phrases", "phrases: [\"good vibes only\", \"studies show\"]"),
            "d.yml": ruleYAML(id: "t/leet", kind: "phrases", "phrases: [suicide]\ndeobfuscate: true"),
            "n.yml": ruleYAML(id: "t/plain", kind: "phrases", "phrases: [suicide]"),
        ])
    }

    func found(_ text: String) throws -> [String] {
        try linter.lint(text: text).map { "\($0.rule) \($0.location.column)+\($0.location.length) \($0.match)" }
    }

    @Test func fullwidthLettersFoldAndPointAtWhatWasTyped() throws {
        // Each fullwidth letter is 3 bytes in UTF-8.
        #expect(try found("Ｓｔｕｄｉｅｓ ｓｈｏｗ it") == ["t/vibes 1+34 Ｓｔｕｄｉｅｓ ｓｈｏｗ"])
    }

    @Test func zeroWidthCharactersAreIgnored() throws {
        #expect(try found("good\u{200B} vi\u{200D}bes only") == ["t/vibes 1+21 good\u{200B} vi\u{200D}bes only"])
    }

    @Test func htmlEntitiesAreDecoded() throws {
        #expect(try found("x&nbsp;good&#32;vibes&#x20;only") == ["t/vibes 8+24 good&#32;vibes&#x20;only"])
    }

    @Test func hashtagsAreSplitIntoWords() throws {
        #expect(try found("Monday mood: #GoodVibesOnly ✨") == ["t/vibes 15+13 GoodVibesOnly"])
        #expect(try found("#good_vibes_only") == ["t/vibes 2+15 good_vibes_only"])
        #expect(try found("not#GoodVibesOnly").isEmpty)
    }

    @Test func obfuscatedSpellingsOnlyForRulesThatOptIn() throws {
        #expect(try found("su1c1de and $u1c1d3") == ["t/leet 1+7 su1c1de", "t/leet 13+7 $u1c1d3"])
        #expect(try found("suicide").sorted() == ["t/leet 1+7 suicide", "t/plain 1+7 suicide"])
    }
}

@Suite struct RegionTests {
    let files = [
        "us.yml": "list: help/us\nregion: US\nsuggest: \"'988'\"\nphrases: [\"call 988\"]",
        "gb.yml": "list: help/gb\nregion: GB\nsuggest: \"'116 123'\"\nphrases: [\"116 123\"]",
        "intl.yml": "list: help/intl\nregion: INTL\nsuggest: \"'findahelpline.com'\"\nphrases: [findahelpline.com]",
        "r.yml": ruleYAML(kind: "requires", "trigger: {phrases: [suicide]}\nrequire: {lists: [help]}")
            .replacingOccurrences(of: "found '{match}'", with: "needs {resource}"),
    ]

    func linter(_ region: String?) throws -> Linter {
        try Linter(configuration: LinterConfiguration(
            includeBuiltinRules: false, extraRuleFiles: files.map { RuleFile(path: $0.key, contents: $0.value) }, region: region))
    }

    @Test func anyRegionCountsByDefault() throws {
        #expect(try linter(nil).lint(text: "suicide. 116 123").isEmpty)
        #expect(try linter(nil).lint(text: "suicide.").first?.message == "needs 'findahelpline.com'")
    }

    @Test func aRegionCountsOnlyItsLinesAndInternationalOnes() throws {
        let gb = try linter("gb")
        #expect(try gb.lint(text: "suicide. 116 123").isEmpty)
        #expect(try gb.lint(text: "suicide. findahelpline.com").isEmpty)
        #expect(try gb.lint(text: "suicide. call 988").first?.message == "needs '116 123'")
    }

    @Test func unknownRegionIsAConfigurationError() {
        #expect(throws: PostLintError.self) { try linter("XX") }
    }
}

/// The normaliser skips NFKC for scalars that NFKC-casefolding leaves alone (a property lookup
/// instead of normalising each emoji or accented letter). This checks that assumption on every
/// scalar: none of them is changed by NFKC.
@Suite struct NFKCShortcutTests {
    @Test func scalarsStableUnderNFKCCasefoldAreStableUnderNFKC() {
        var checked = 0
        var changed: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenNFKCCaseFolded else { continue }
            let text = String(scalar)
            if text.precomposedStringWithCompatibilityMapping != text { changed.append(String(value, radix: 16)) }
            checked += 1
        }
        #expect(checked > 1_000_000)
        #expect(changed.isEmpty, "NFKC changes: \(changed.prefix(20))")
    }

    @Test func foldingStillAppliesToCompatibilityCharacters() throws {
        let linter = try makeLinter(["p.yml": ruleYAML(kind: "phrases", "phrases: [\"good vibes only\"]")])
        // Fullwidth, circled and mathematical bold letters.
        for text in ["ｇｏｏｄ vibes only", "good ⓥⓘⓑⓔⓢ only", "𝐠𝐨𝐨𝐝 vibes only", "good vibes ｏｎｌｙ"] {
            #expect(try linter.lint(text: text).count == 1, "\(text)")
        }
    }
}
