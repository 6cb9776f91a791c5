import PCRE2

/// One worker's reusable state for linting many documents: the PCRE2 scratch and the buffers
/// of the prefilter's fast path, so a post that no rule could match costs no allocation.
/// Never share one between threads; make one per worker with `Linter.makeScratch()`.
///
/// SAFETY: `@unchecked Sendable` so a scratch can be handed to the worker that owns it
/// (`BatchLinter` gives worker `i` scratch `i`, and a batch ends before the next starts); it is
/// never used by two threads at once.
public final class LintScratch: @unchecked Sendable {
    let match: MatchScratch
    /// The prefilter's Vectorscan scratch (nil without a prefilter).
    let prefilter: PrefilterScratch?
    /// The normalised bytes of the current text, and their de-obfuscated form.
    var normalized: [UInt8] = []
    var deobfuscated: [UInt8] = []
    /// One flag per prefilter slot (the rules', then their matchers'): whether the prefilter lets it run on the current text.
    var selected: [Bool]

    init(match: MatchScratch, ruleCount: Int, prefilter: PrefilterScratch?) {
        self.match = match
        self.prefilter = prefilter
        self.selected = [Bool](repeating: false, count: ruleCount)
    }
}
