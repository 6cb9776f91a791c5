import PCRE2

/// The normalised text of one input during one lint, with what rules share while scanning it:
/// the PCRE2 scratch, sentence boundaries, the de-obfuscated bytes and a per-matcher cache
/// (so a shared list runs once per text).
final class ScanText {
    struct CacheKey: Hashable {
        let matcher: ObjectIdentifier
        let deobfuscated: Bool
    }

    let bytes: [UInt8]
    let scratch: MatchScratch
    let newlineEndsSentence: Bool
    var cache: [CacheKey: [Range<Int>]] = [:]
    private(set) lazy var sentences = Sentences(bytes, newlineEndsSentence: newlineEndsSentence)
    private(set) lazy var deobfuscatedBytes = Normalizer.foldObfuscation(bytes)
    /// The content warning the platform keeps with the post (Mastodon's `summary`), normalised,
    /// for the `content-warning` scope; nil when the input has none.
    let contentWarning: ScanText?
    /// Which matchers the prefilter found literals for in these bytes; nil: every matcher runs
    /// (no prefilter, or another text such as the content warning).
    var matcherSelection: MatcherSelection?

    init(bytes: [UInt8], scratch: MatchScratch, newlineEndsSentence: Bool = true, contentWarning: String? = nil) {
        self.bytes = bytes
        self.scratch = scratch
        self.newlineEndsSentence = newlineEndsSentence
        if let contentWarning, !contentWarning.isEmpty {
            self.contentWarning = ScanText(bytes: Normalizer.normalize(ProjectedText(wholeOf: Array(contentWarning.utf8))).bytes, scratch: scratch)
        } else {
            self.contentWarning = nil
        }
    }
}

/// The prefilter's verdict on one text for the matchers that have a slot: a matcher whose
/// literals all are absent cannot match, so its patterns are not run (a rule's exceptions and
/// requirements as well as its trigger). A matcher without a slot always runs.
struct MatcherSelection {
    let slots: [ObjectIdentifier: Int]
    let selected: [Bool]

    func mayMatch(_ matcher: TextMatcher) -> Bool {
        guard let slot = slots[ObjectIdentifier(matcher)] else { return true }
        return selected[slot]
    }
}
