import PCRE2

/// The projected text of one input during one lint, with what rules share while scanning it:
/// the PCRE2 scratch, sentence boundaries and a per-matcher cache (shared lists run once).
final class ScanText {
    let bytes: [UInt8]
    let scratch: MatchScratch
    var cache: [ObjectIdentifier: [Range<Int>]] = [:]
    private(set) lazy var sentences = Sentences(bytes)

    init(bytes: [UInt8], scratch: MatchScratch) {
        self.bytes = bytes
        self.scratch = scratch
    }
}
