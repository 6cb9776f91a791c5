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

    init(bytes: [UInt8], scratch: MatchScratch, newlineEndsSentence: Bool = true) {
        self.bytes = bytes
        self.scratch = scratch
        self.newlineEndsSentence = newlineEndsSentence
    }
}
