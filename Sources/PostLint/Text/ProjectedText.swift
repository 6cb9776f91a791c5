/// The text rules actually scan: the lintable pieces of an input laid end to end, with a map
/// from every byte back to the input, so findings point at the characters the writer typed.
///
/// Pieces come from readers (a Markdown paragraph without its markers, code spans left out) and
/// from normalisation (a fullwidth letter folded to ASCII, an HTML entity decoded). A piece is
/// either a copy (byte for byte) or a replacement (its bytes stand, as a whole, for a source
/// range of another length). Separators (a blank line between blocks, a space where a code
/// span was) exist only here.
public struct ProjectedText: Sendable {
    struct Run: Sendable {
        var projected: Int
        var length: Int
        var source: Int
        /// Equal to `length` for a copy; anything (even 0) for a replacement.
        var sourceLength: Int
        var isCopy: Bool
    }

    public private(set) var bytes: [UInt8] = []
    private(set) var runs: [Run] = []

    public init() {}

    /// The whole input, unchanged.
    public init(wholeOf source: [UInt8]) {
        append(source: 0..<source.count, of: source)
    }

    /// Appends `range` of the input, byte for byte.
    public mutating func append(source range: Range<Int>, of source: [UInt8]) {
        guard !range.isEmpty else { return }
        appendCopy(source[range], at: range.lowerBound)
    }

    /// Appends `bytes` that are a copy of the input from `sourceOffset` on.
    mutating func appendCopy(_ copied: ArraySlice<UInt8>, at sourceOffset: Int) {
        guard !copied.isEmpty else { return }
        if let last = runs.last, last.isCopy, last.source + last.length == sourceOffset,
           last.projected + last.length == bytes.count {
            runs[runs.count - 1].length += copied.count
            runs[runs.count - 1].sourceLength += copied.count
        } else {
            runs.append(Run(projected: bytes.count, length: copied.count, source: sourceOffset,
                            sourceLength: copied.count, isCopy: true))
        }
        bytes.append(contentsOf: copied)
    }

    /// Appends `replacement`, standing as a whole for `source` of the input.
    mutating func appendReplacement(_ replacement: [UInt8], for source: Range<Int>) {
        guard !replacement.isEmpty else { return }
        runs.append(Run(projected: bytes.count, length: replacement.count, source: source.lowerBound,
                        sourceLength: source.count, isCopy: false))
        bytes.append(contentsOf: replacement)
    }

    /// Appends text that exists only in the projection (never inside a finding's bounds).
    public mutating func appendSeparator(_ separator: String) {
        bytes.append(contentsOf: separator.utf8)
    }

    /// The same map with other bytes of the same length (a byte-for-byte fold).
    func withBytes(_ replacement: [UInt8]) -> ProjectedText {
        precondition(replacement.count == bytes.count)
        var copy = self
        copy.bytes = replacement
        return copy
    }

    /// Walks the projection in order: each run with its bytes, and each separator's bytes.
    func forEachPiece(run: (Run, ArraySlice<UInt8>) -> Void, separator: (ArraySlice<UInt8>) -> Void) {
        var position = 0
        for item in runs {
            if item.projected > position { separator(bytes[position..<item.projected]) }
            run(item, bytes[item.projected..<(item.projected + item.length)])
            position = item.projected + item.length
        }
        if position < bytes.count { separator(bytes[position...]) }
    }

    /// The input byte range for a projected range. A bound that falls in a separator moves to
    /// the nearest real text inside the range; a bound inside a replacement takes all of it.
    public func sourceRange(for projected: Range<Int>) -> Range<Int> {
        guard !runs.isEmpty else { return 0..<0 }
        let start = sourceOffset(forStart: projected.lowerBound)
        let end = projected.isEmpty ? start : max(start, sourceOffset(forEnd: projected.upperBound))
        return start..<end
    }

    /// Index of the last run starting at or before `offset`.
    private func runIndex(atOrBefore offset: Int) -> Int? {
        var low = 0, high = runs.count - 1, found: Int?
        while low <= high {
            let middle = (low + high) / 2
            if runs[middle].projected <= offset { found = middle; low = middle + 1 } else { high = middle - 1 }
        }
        return found
    }

    private func sourceOffset(forStart offset: Int) -> Int {
        if let index = runIndex(atOrBefore: offset) {
            let run = runs[index]
            if offset < run.projected + run.length {
                return run.isCopy ? run.source + offset - run.projected : run.source
            }
            if index + 1 < runs.count { return runs[index + 1].source }
            return run.source + run.sourceLength
        }
        return runs[0].source
    }

    private func sourceOffset(forEnd offset: Int) -> Int {
        // The end is exclusive: map the last byte inside the range, then step past it.
        guard offset > 0, let index = runIndex(atOrBefore: offset - 1) else { return runs[0].source }
        let run = runs[index]
        guard run.isCopy else { return run.source + run.sourceLength }
        let last = min(offset - 1, run.projected + run.length - 1)
        return run.source + last - run.projected + 1
    }
}
