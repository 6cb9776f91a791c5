import Foundation

/// Known findings to leave out, so a repository with history can adopt postlint and fail
/// only on new findings. Entries are keyed by path, rule and a fingerprint of the matched text
/// and its line, never by line number, so they survive lines moving.
public struct Baseline: Sendable, Codable, Hashable {
    public struct Entry: Sendable, Codable, Hashable {
        public var path: String
        public var rule: String
        public var fingerprint: String
        /// How many findings share this path, rule and fingerprint.
        public var count: Int
    }

    public var version = 1
    public var entries: [Entry]

    /// A baseline holding every finding of `documents`.
    public init(documents: [LintedDocument]) {
        var counts: [String: Entry] = [:]
        for linted in documents {
            let lines = LineIndex(linted.document.bytes)
            for finding in linted.findings {
                let entry = Entry(path: Baseline.key(finding.location.path), rule: finding.rule,
                                  fingerprint: Baseline.fingerprint(of: finding, in: linted.document, lines: lines), count: 1)
                let key = Baseline.entryKey(path: entry.path, rule: entry.rule, fingerprint: entry.fingerprint)
                counts[key, default: Entry(path: entry.path, rule: entry.rule, fingerprint: entry.fingerprint, count: 0)].count += 1
            }
        }
        entries = counts.values.sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }
    }

    /// Reads a baseline file.
    public static func load(path: String) throws(PostLintError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidConfiguration("cannot read baseline '\(path)'")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else { throw PostLintError.invalidConfiguration("baseline '\(path)' has unsupported version \(baseline.version)") }
            return baseline
        } catch let error as PostLintError {
            throw error
        } catch {
            throw .invalidConfiguration("baseline '\(path)' is not a postlint baseline: \(Evaluation.describe(error))")
        }
    }

    /// The baseline as deterministic, readable JSON.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The documents without the findings the baseline knows (each entry absorbs `count`).
    public func filter(_ documents: [LintedDocument]) -> [LintedDocument] {
        var filter = BaselineFilter(self)
        return documents.map { filter.apply($0) }
    }

    /// The key of an entry, and of a finding to look up.
    static func entryKey(path: String, rule: String, fingerprint: String) -> String {
        "\(path)\u{0}\(rule)\u{0}\(fingerprint)"
    }

    static func key(_ path: String?) -> String {
        guard let path else { return "<stdin>" }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// A stable hash of the rule, the matched text and the text of its line(s), normalised
    /// (lower case, runs of whitespace as one space), as 16 hex digits.
    /// `lines` is the document's line index, built once per document by the caller.
    public static func fingerprint(of finding: Finding, in document: Document, lines: LineIndex) -> String {
        let start = lines.lineStarts[finding.location.line - 1]
        let end = lines.lineRange(min(finding.location.endLine, lines.lineStarts.count), in: document.bytes).upperBound
        let context = String(decoding: document.bytes[start..<max(start, end)], as: UTF8.self)
        return FNV1a.hex(finding.rule + "\u{0}" + normalise(finding.match) + "\u{0}" + normalise(context))
    }

    static func normalise(_ text: String) -> String {
        text.lowercased().split { $0.isWhitespace }.joined(separator: " ")
    }
}

/// Applies a baseline one document at a time (so streamed posts can be filtered as they
/// come), each entry absorbing at most `count` findings over the whole run.
struct BaselineFilter {
    private var remaining: [String: Int] = [:]

    public init(_ baseline: Baseline) {
        for entry in baseline.entries {
            // Counts come from a file: add them without overflowing (a count past Int.max
            // absorbs every such finding anyway).
            let key = Baseline.entryKey(path: entry.path, rule: entry.rule, fingerprint: entry.fingerprint)
            let (sum, overflow) = remaining[key, default: 0].addingReportingOverflow(max(0, entry.count))
            remaining[key] = overflow ? Int.max : sum
        }
    }

    /// The document without the findings the baseline still knows.
    public mutating func apply(_ linted: LintedDocument) -> LintedDocument {
        guard !linted.findings.isEmpty else { return linted }
        let lines = LineIndex(linted.document.bytes)
        var copy = linted
        copy.findings = linted.findings.filter { finding in
            let key = Baseline.entryKey(path: Baseline.key(finding.location.path), rule: finding.rule,
                                        fingerprint: Baseline.fingerprint(of: finding, in: linted.document, lines: lines))
            guard let left = remaining[key], left > 0 else { return true }
            remaining[key] = left - 1
            return false
        }
        return copy
    }
}

/// 64-bit FNV-1a.
///
/// NOTE: hand-written (eight lines) because fingerprints need only a stable, well-spread
/// hash, not a cryptographic one, and swift-crypto would double the build time.
enum FNV1a {
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ text: String) -> String {
        let value = String(hash(text), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }
}
