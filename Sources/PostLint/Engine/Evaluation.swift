import Foundation

/// A post of a labelled corpus: the categories a good linter must report (`labels`) and
/// those it may report without a false positive being counted (`allow`, honest ambiguity).
public struct LabelledPost: Sendable, Codable, Hashable {
    public var id: String
    public var text: String
    public var labels: [String]
    public var allow: [String]?
    /// Optional: which part of the corpus the post belongs to (`tune`, `held-out`…).
    public var split: String?

    public init(id: String, text: String, labels: [String], allow: [String]? = nil, split: String? = nil) {
        self.id = id
        self.text = text
        self.labels = labels
        self.allow = allow
        self.split = split
    }
}

/// Precision and recall for one category. A post counts for a category when any finding of
/// that category is reported on it.
public struct CategoryScore: Sendable, Encodable, Hashable {
    public var category: String
    /// Posts labelled with the category.
    public var posts: Int
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int

    /// TP / (TP + FP); 1 when nothing was reported.
    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    /// TP / (TP + FN); 1 when no post carries the label.
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    enum CodingKeys: String, CodingKey { case category, posts, truePositives, falsePositives, falseNegatives, precision, recall, f1 }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(category, forKey: .category)
        try container.encode(posts, forKey: .posts)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode((precision * 1000).rounded() / 1000, forKey: .precision)
        try container.encode((recall * 1000).rounded() / 1000, forKey: .recall)
        try container.encode((f1 * 1000).rounded() / 1000, forKey: .f1)
    }
}

/// A post the linter got wrong for at least one category.
public struct EvaluationMiss: Sendable, Codable, Hashable {
    public var id: String
    public var split: String?
    public var expected: [String]
    /// Categories expected but not reported.
    public var missed: [String]
    /// Categories reported but neither expected nor allowed.
    public var unexpected: [String]
    /// Every rule that fired on the post.
    public var rules: [String]
    public var text: String
}

/// The result of evaluating a linter on labelled posts.
public struct Evaluation: Sendable, Encodable {
    public var posts: Int
    public var categories: [CategoryScore]
    public var misses: [EvaluationMiss]

    /// Lints every post and scores each category. Categories are the union of the labels,
    /// the allowed categories and what the linter reported, sorted. As on an export, a post
    /// in another language than the rules' is not linted (it reports nothing) unless
    /// `allLanguages`.
    public init(posts: [LabelledPost], linter: Linter, allLanguages: Bool = false) {
        var scores: [String: CategoryScore] = [:]
        var misses: [EvaluationMiss] = []
        func score(_ category: String) -> CategoryScore {
            scores[category] ?? CategoryScore(category: category, posts: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0)
        }
        for post in posts {
            let linted = allLanguages || LanguageGuess.language(of: post.text) == linter.language
            let findings = linted ? linter.lint(Document(text: post.text)).findings : []
            let reported = Set(findings.map(\.category))
            let expected = Set(post.labels), allowed = Set(post.allow ?? [])
            for category in expected.union(allowed).union(reported) {
                var entry = score(category)
                if expected.contains(category) {
                    entry.posts += 1
                    if reported.contains(category) { entry.truePositives += 1 } else { entry.falseNegatives += 1 }
                } else if reported.contains(category) && !allowed.contains(category) {
                    entry.falsePositives += 1
                }
                scores[category] = entry
            }
            let missed = expected.subtracting(reported).sorted()
            let unexpected = reported.subtracting(expected).subtracting(allowed).sorted()
            if !missed.isEmpty || !unexpected.isEmpty {
                misses.append(EvaluationMiss(id: post.id, split: post.split, expected: post.labels.sorted(), missed: missed,
                                             unexpected: unexpected, rules: Array(Set(findings.map(\.rule))).sorted(), text: post.text))
            }
        }
        self.posts = posts.count
        self.categories = scores.values.sorted { $0.category < $1.category }
        self.misses = misses
    }

    /// Reads a JSON Lines corpus; malformed lines are returned as diagnostics, never skipped silently.
    public static func readCorpus(_ data: Data, path: String) -> (posts: [LabelledPost], problems: [Diagnostic]) {
        var posts: [LabelledPost] = [], problems: [Diagnostic] = []
        let decoder = JSONDecoder()
        var seen = Set<String>()
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { continue }
            do {
                let post = try decoder.decode(LabelledPost.self, from: Data(line))
                if !seen.insert(post.id).inserted {
                    problems.append(Diagnostic(file: path, line: index + 1, column: 1, message: "duplicate post id '\(post.id)'"))
                    continue
                }
                posts.append(post)
            } catch {
                problems.append(Diagnostic(file: path, line: index + 1, column: 1, message: "not a labelled post: \(Evaluation.describe(error))"))
            }
        }
        return (posts, problems)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: return "invalid JSON"
        default: return "\(error)"
        }
    }
}
