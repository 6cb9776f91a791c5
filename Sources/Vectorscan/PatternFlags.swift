import CVectorscan

/// Per-expression compile flags (`HS_FLAG_*`).
public struct PatternFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// ASCII case folding (Unicode case folding with `.utf8` and `.ucp`).
    public static let caseless = PatternFlags(rawValue: UInt32(HS_FLAG_CASELESS))
    public static let dotAll = PatternFlags(rawValue: UInt32(HS_FLAG_DOTALL))
    public static let multiline = PatternFlags(rawValue: UInt32(HS_FLAG_MULTILINE))
    /// Report at most one match of this expression per scan.
    public static let singleMatch = PatternFlags(rawValue: UInt32(HS_FLAG_SINGLEMATCH))
    public static let allowEmpty = PatternFlags(rawValue: UInt32(HS_FLAG_ALLOWEMPTY))
    /// The expression and the data are UTF-8.
    public static let utf8 = PatternFlags(rawValue: UInt32(HS_FLAG_UTF8))
    /// Unicode properties for `\w`, `\s`, `\b` and classes (with `.utf8`).
    public static let ucp = PatternFlags(rawValue: UInt32(HS_FLAG_UCP))
    /// Compile a superset of the expression (constructs Vectorscan lacks, such as look-behind
    /// or back-references, are widened): every true match is reported, and some false ones,
    /// so another engine (PCRE2) must confirm.
    public static let prefilter = PatternFlags(rawValue: UInt32(HS_FLAG_PREFILTER))
    /// Report the leftmost start of each match (costs scratch and speed; off, `from` is 0).
    public static let leftmostStart = PatternFlags(rawValue: UInt32(HS_FLAG_SOM_LEFTMOST))
}
