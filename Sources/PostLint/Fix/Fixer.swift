/// Applies declared drop-in fixes (`fix:` in a substitution rule) to a document's text. Only
/// findings whose matched source bytes are plain prose are fixed: a match that spans Markdown
/// syntax (emphasis, a link, a code span) is left for a person, so code, links and front
/// matter are never touched. A match the sentence only mentions (quoted, or after "tell you
/// to", "people say"…) is criticism of the phrase, not a use of it, and is never rewritten.
public enum Fixer {
    public struct Result: Sendable {
        /// The new text.
        public var bytes: [UInt8]
        /// Findings that were fixed.
        public var fixed: [Finding]
        /// Findings with a fix that could not be applied safely.
        public var skipped: [Finding]
    }

    static let markupBytes: Set<UInt8> = Set("`*_[]()<>#|\\".utf8)

    public static func apply(_ findings: [Finding], to document: Document) -> Result {
        var bytes = document.bytes
        var fixed: [Finding] = [], skipped: [Finding] = []
        var lastStart = Int.max
        // From the end, so earlier offsets stay valid; overlapping fixes are skipped.
        for finding in findings.filter({ $0.fix != nil }).sorted(by: { $0.location.offset > $1.location.offset }) {
            let range = finding.location.offset..<(finding.location.offset + finding.location.length)
            guard let fix = finding.fix, range.upperBound <= lastStart, range.upperBound <= bytes.count,
                  !document.bytes[range].contains(where: { markupBytes.contains($0) }),
                  !isMention(range, in: document.bytes) else {
                skipped.append(finding)
                continue
            }
            bytes.replaceSubrange(range, with: Array(matchCase(fix, to: finding.match).utf8))
            lastStart = range.lowerBound
            fixed.append(finding)
        }
        return Result(bytes: bytes, fixed: fixed.reversed(), skipped: skipped.reversed())
    }

    /// Words before a phrase that make the sentence talk about the phrase rather than use it.
    static let mentionFrames = ["tell you to", "tells you to", "told you to", "tell me to", "tells me to", "told me to",
                                "tell us to", "told us to", "tell people to", "tell them to", "told them to",
                                "say", "says", "said", "saying", "stop saying", "the phrase", "the words", "the word",
                                "called", "like", "such as", "as in"]

    /// Whether the match sits in quotation marks, or right after a reporting frame, within its
    /// sentence ("They tell you to just think positive.").
    static func isMention(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        var start = range.lowerBound
        while start > 0, ![UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A].contains(bytes[start - 1]) { start -= 1 }
        let before = String(decoding: bytes[start..<range.lowerBound], as: UTF8.self).lowercased()
        let quotes = before.filter { "\"“”«»".contains($0) }.count
        if quotes % 2 == 1 { return true }
        let words = before.split(whereSeparator: { !$0.isLetter && $0 != "'" }).joined(separator: " ")
        return mentionFrames.contains { words == $0 || words.hasSuffix(" " + $0) }
    }

    /// The replacement with the original's capitalisation: all caps, or a capital first letter.
    static func matchCase(_ replacement: String, to original: String) -> String {
        let letters = original.filter(\.isLetter)
        if letters.count > 1, letters == letters.uppercased() { return replacement.uppercased() }
        if let first = original.first, first.isUppercase, let head = replacement.first {
            return head.uppercased() + replacement.dropFirst()
        }
        return replacement
    }
}
