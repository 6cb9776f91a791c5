/// The text rules actually scan: the lintable pieces of an input laid end to end, with a map
/// from every byte back to the input, so findings point at the characters the writer typed.
///
/// Pieces come from readers (a Markdown paragraph without its markers, code spans left out);
/// separators (a blank line between blocks, a space where a code span was) exist only here.
public struct ProjectedText: Sendable {
    /// A stretch of projected bytes copied from `source..<source+length` of the input.
    struct Run: Sendable {
        var projected: Int
        var source: Int
        var length: Int
    }

    public private(set) var bytes: [UInt8] = []
    private(set) var runs: [Run] = []

    public init() {}

    /// The whole input, unchanged.
    public init(wholeOf source: [UInt8]) {
        append(source: 0..<source.count, of: source)
    }

    /// Appends `range` of the input.
    public mutating func append(source range: Range<Int>, of source: [UInt8]) {
        guard !range.isEmpty else { return }
        if let last = runs.last, last.source + last.length == range.lowerBound,
           last.projected + last.length == bytes.count {
            runs[runs.count - 1].length += range.count
        } else {
            runs.append(Run(projected: bytes.count, source: range.lowerBound, length: range.count))
        }
        bytes.append(contentsOf: source[range])
    }

    /// Appends text that exists only in the projection (never inside a finding's bounds).
    public mutating func appendSeparator(_ separator: String) {
        bytes.append(contentsOf: separator.utf8)
    }

    /// The input byte range for a projected range. A bound that falls in a separator moves to
    /// the nearest real text inside the range.
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
            if offset < run.projected + run.length { return run.source + offset - run.projected }
            if index + 1 < runs.count { return runs[index + 1].source }
            return run.source + run.length
        }
        return runs[0].source
    }

    private func sourceOffset(forEnd offset: Int) -> Int {
        // The end is exclusive: map the last byte inside the range, then step past it.
        guard offset > 0, let index = runIndex(atOrBefore: offset - 1) else { return runs[0].source }
        let run = runs[index]
        let last = min(offset - 1, run.projected + run.length - 1)
        return run.source + last - run.projected + 1
    }
}
