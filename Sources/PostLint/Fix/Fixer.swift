/// Applies substitution fixes to a document's text. Only findings whose matched source bytes
/// are plain prose are fixed: a match that spans Markdown syntax (emphasis, a link, a code
/// span) is left for a person, so code, links and front matter are never touched.
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
                  !document.bytes[range].contains(where: { markupBytes.contains($0) }) else {
                skipped.append(finding)
                continue
            }
            bytes.replaceSubrange(range, with: Array(matchCase(fix, to: finding.match).utf8))
            lastStart = range.lowerBound
            fixed.append(finding)
        }
        return Result(bytes: bytes, fixed: fixed.reversed(), skipped: skipped.reversed())
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
