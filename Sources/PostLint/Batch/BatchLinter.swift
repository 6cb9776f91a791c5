import Dispatch
import Foundation
import PCRE2
import Synchronization

/// A post and its findings (locations count within the post's text and name the post).
public struct PostResult: Sendable {
    public var post: Post
    public var findings: [Finding]
    /// Rules that could not finish on this post (for example a PCRE2 limit): reported, never dropped.
    public var failures: [PostLintError] = []
}

/// Counts of a batch run: what was read, linted, flagged and skipped, and why.
public struct BatchSummary: Sendable, Codable {
    public var postsRead = 0
    public var postsLinted = 0
    public var postsFlagged = 0
    public var findings = 0
    /// Entries that hold no text by nature (boosts, photo shares, check-ins), by reason.
    public var skipped: [String: Int] = [:]
    /// Malformed records, reported one by one and skipped.
    public var badRecords = 0
    /// Posts on which a rule failed (reported one by one; their other findings are kept).
    public var ruleFailures: Int {
        get { ruleFailureCount ?? 0 }
        set { ruleFailureCount = newValue == 0 ? nil : newValue }
    }
    /// Left out of JSON when zero, so outputs of runs without failures stay as they were.
    private var ruleFailureCount: Int?
    /// Posts in another language than the rules' (by language code): read, not linted.
    public var otherLanguages: [String: Int] {
        get { otherLanguageCounts ?? [:] }
        set { otherLanguageCounts = newValue.isEmpty ? nil : newValue }
    }
    private var otherLanguageCounts: [String: Int]?
    public var byCategory: [String: Int] = [:]
    public var byRule: [String: Int] = [:]
    public var bySeverity: [String: Int] = [:]
    /// Posts read and flagged per month (`YYYY-MM`), where posts have a timestamp.
    public var postsByMonth: [String: Int] = [:]
    public var flaggedByMonth: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case postsRead, postsLinted, postsFlagged, findings, skipped, badRecords, byCategory, byRule, bySeverity
        case postsByMonth, flaggedByMonth
        case ruleFailureCount = "ruleFailures"
        case otherLanguageCounts = "otherLanguages"
    }

    public init() {}

    /// Counts a linted post (with or without findings) in its month.
    mutating func addLinted(month: String?) {
        postsLinted += 1
        if let month { postsByMonth[month, default: 0] += 1 }
    }

    /// Adds the findings counts and rule failures of `other` (a tally of the same run's posts).
    mutating func merge(_ other: BatchSummary) {
        postsFlagged += other.postsFlagged
        findings += other.findings
        ruleFailures += other.ruleFailures
        for (key, value) in other.byCategory { byCategory[key, default: 0] += value }
        for (key, value) in other.byRule { byRule[key, default: 0] += value }
        for (key, value) in other.bySeverity { bySeverity[key, default: 0] += value }
        for (key, value) in other.flaggedByMonth { flaggedByMonth[key, default: 0] += value }
    }

    /// Counts a post's final findings (after every stage): flagged posts, by category, rule,
    /// severity and month. The post itself was counted by `BatchLinter`.
    mutating func addFindings(of item: LintItem) {
        guard !item.findings.isEmpty else { return }
        postsFlagged += 1
        findings += item.findings.count
        if let month = item.post?.timestamp.flatMap(Timestamps.month) { flaggedByMonth[month, default: 0] += 1 }
        for category in Set(item.findings.map(\.category)) { byCategory[category, default: 0] += 1 }
        for finding in item.findings {
            byRule[finding.rule, default: 0] += 1
            bySeverity[finding.severity.rawValue, default: 0] += 1
        }
    }
}

/// Lints the posts of a reader over several cores, in batches, and hands results back in
/// input order, so output is deterministic whatever `jobs` is. Memory holds one batch.
public final class BatchLinter: Sendable {
    public let linter: Linter
    public let jobs: Int
    public let batchSize: Int

    /// Lint posts in any language with the rules (else a post in another language than the
    /// rules' is counted in `BatchSummary.otherLanguages`, not linted).
    public let allLanguages: Bool

    public init(linter: Linter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 4096,
                allLanguages: Bool = false) {
        self.linter = linter
        self.allLanguages = allLanguages
        self.jobs = max(1, jobs)
        self.batchSize = max(1, batchSize)
    }

    /// Reads everything from `reader`, calling `onResult` for each post with findings or rule
    /// failures, in order (the caller counts its findings: `LintRun` does after its stages), and `onBad` for each malformed record, and counts every post in `summary` (posts
    /// without findings are only counted: most posts of a large export). `onProgress` gets the
    /// number of posts read so far after each batch. Records the reader leaves pending are
    /// decoded by the workers, in parallel; results and diagnostics still come in input order.
    /// With more than one job, batches are pipelined: while the workers lint one batch, this
    /// thread reads the next and hands out the results of the one before.
    public func run<Reader: PostReader>(_ reader: inout Reader, path: String, summary: inout BatchSummary,
                                        onResult: (PostResult) -> Void, onBad: (Diagnostic) -> Void,
                                        onProgress: (Int) -> Void = { _ in }) {
        let scratches = (0..<jobs).map { _ in linter.makeScratch() }
        func emit(_ outcomes: [Outcome]) {
            defer { onProgress(summary.postsRead) }
            for outcome in outcomes {
                switch outcome {
                case .clean(let month):
                    summary.postsRead += 1
                    summary.addLinted(month: month)
                case .otherLanguage(let language):
                    summary.postsRead += 1
                    summary.otherLanguages[language, default: 0] += 1
                case .post(let result):
                    summary.postsRead += 1
                    summary.addLinted(month: result.post.timestamp.flatMap(Timestamps.month))
                    onResult(result)
                case .skipped(let reason):
                    summary.skipped[reason, default: 0] += 1
                case .bad(let diagnostic):
                    summary.badRecords += 1
                    onBad(diagnostic)
                }
            }
        }
        var running: RunningBatch?
        func submit(_ batch: [ReaderEvent]) {
            let previous = running
            if jobs == 1 {
                running = nil
                emit(lint(batch, path: path, scratches: scratches, keepClean: false))
                return
            }
            // Wait for the batch in flight (its workers own the scratches), start this one,
            // then hand out the finished results while it runs.
            let finished = previous?.wait()
            running = batch.isEmpty ? nil : RunningBatch(start: { self.lint(batch, path: path, scratches: scratches, keepClean: false) })
            if let finished { emit(finished) }
        }
        var batch: [ReaderEvent] = []
        batch.reserveCapacity(batchSize)
        let profile = linter.profile
        while let event = profile == nil ? reader.next() : profile!.measure(.read, { reader.next() }) {
            batch.append(event)
            // NOTE: when the input pauses (a pipe), the posts so far are linted and their
            // findings written before waiting: a streaming filter answers as posts arrive.
            let paused = batch.count < batchSize && reader.wouldWait()
            if batch.count == batchSize || paused {
                submit(batch)
                if paused { submit([]) }
                batch = []
                batch.reserveCapacity(batchSize)
            }
        }
        if !batch.isEmpty { submit(batch) }
        submit([])  // drains the last batch in flight
    }

    /// Lints one batch over `jobs` workers; results in input order.
    public func lint(_ posts: [Post], path: String) -> [PostResult] {
        let scratches = (0..<min(jobs, posts.count)).map { _ in linter.makeScratch() }
        return lint(posts.map(ReaderEvent.post), path: path, scratches: scratches, keepClean: true).compactMap { outcome in
            if case .post(let result) = outcome { return result }
            return nil
        }
    }

    /// What one event of a batch came to, once decoded and linted.
    enum Outcome {
        case post(PostResult)
        /// A post without findings, with the month it counts in (computed on the worker).
        case clean(month: String?)
        /// A post in another language than the rules', not linted.
        case otherLanguage(String)
        case skipped(String)
        case bad(Diagnostic)
    }

    /// Decodes pending records and lints posts over the workers (one scratch each). Posts
    /// without findings come back as `.clean` unless `keepClean`.
    func lint(_ events: [ReaderEvent], path: String, scratches: [LintScratch], keepClean: Bool) -> [Outcome] {
        let slots = ResultSlots(count: events.count)
        let workers = min(scratches.count, events.count)
        let linter = self.linter
        // Workers take chunks of the batch as they go (not a fixed share each), so a worker
        // that loses its core for a while does not hold the batch up.
        let chunk = 32
        let nextChunk = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // One scratch (PCRE2 match data, prefilter buffers) per worker, reused for its posts.
            let scratch = scratches[worker]
            while true {
              let first = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue * chunk
              guard first < events.count else { break }
              for index in first..<min(first + chunk, events.count) {
                var event = events[index]
                if case .pending(let record) = event {
                    event = linter.profile == nil ? record.decoded() : linter.profile!.measure(.read) { record.decoded() }
                }
                let outcome: Outcome
                switch event {
                case .post(let post):
                    // Guessed once per post (it runs on every post of an export).
                    let language = allLanguages ? linter.language : BatchLinter.language(of: post)
                    if language != linter.language {
                        outcome = .otherLanguage(language)
                        break
                    }
                    let result = BatchLinter.lint(post, path: path, linter: linter, scratch: scratch)
                    outcome = result.findings.isEmpty && result.failures.isEmpty && !keepClean
                        ? .clean(month: post.timestamp.flatMap(Timestamps.month))
                        : .post(PostResult(post: post, findings: result.findings, failures: result.failures))
                case .skipped(let reason): outcome = .skipped(reason)
                case .bad(let diagnostic): outcome = .bad(diagnostic)
                case .pending: preconditionFailure("a decoded record is never pending")
                }
                slots.store(index, outcome)
              }
            }
        }
        return (0..<events.count).map { slots.take($0)! }
    }

    /// The post's language: the platform's code when it gives a real one (not "und", "zxx"…),
    /// else `LanguageGuess`.
    static func language(of post: Post) -> String {
        if let code = post.language?.lowercased().split(separator: "-").first, code.count == 2 { return String(code) }
        return LanguageGuess.language(of: post.text)
    }

    static func lint(_ post: Post, path: String, linter: Linter, scratch: LintScratch) -> LintResult {
        let document = post.document(path: path)
        var result = linter.lint(document, scratch: scratch)
        for index in result.findings.indices { result.findings[index].location.post = post.reference }
        return result
    }
}

/// A batch being linted on another thread, and its outcomes once done.
///
/// SAFETY: `outcomes` is written once by the batch's thread before it leaves the group, and
/// read only after `wait()` returns, so the two never overlap.
final class RunningBatch: @unchecked Sendable {
    private let group = DispatchGroup()
    private var outcomes: [BatchLinter.Outcome] = []

    init(start: @escaping @Sendable () -> [BatchLinter.Outcome]) {
        DispatchQueue.global().async(group: group) { self.outcomes = start() }
    }

    func wait() -> [BatchLinter.Outcome] {
        group.wait()
        return outcomes
    }
}

/// One slot per post, each written by exactly one worker and read after all have finished.
///
/// SAFETY: `concurrentPerform` returns only when every worker is done, and workers write
/// disjoint indices, so there is no concurrent access to the same element.
final class ResultSlots: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<BatchLinter.Outcome?>

    init(count: Int) {
        storage = UnsafeMutableBufferPointer.allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.baseAddress?.deinitialize(count: storage.count)
        storage.deallocate()
    }

    func store(_ index: Int, _ outcome: BatchLinter.Outcome) { storage[index] = outcome }
    func take(_ index: Int) -> BatchLinter.Outcome? { storage[index] }
}

/// The month (`YYYY-MM`) of the timestamps exports use: ISO 8601, "2023-01-15 12:34:56 UTC",
/// Unix seconds, and X's "Tue Jan 21 00:21:51 +0000 2025".
enum Timestamps {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func month(of timestamp: String) -> String? {
        // Fast path for ISO 8601 without surrounding spaces (it runs once per post).
        let bytes = timestamp.utf8
        if bytes.count >= 7, let first = bytes.first, first >= 0x30 && first <= 0x39 {
            var index = bytes.startIndex
            var isISO = true
            for position in 0..<7 {
                let byte = bytes[index]
                isISO = isISO && (position == 4 ? byte == UInt8(ascii: "-") : byte >= 0x30 && byte <= 0x39)
                index = bytes.index(after: index)
            }
            if isISO { return String(timestamp[..<index]) }
        }
        let text = timestamp.trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.utf8)
        if scalars.count >= 7, scalars[4] == UInt8(ascii: "-"), scalars[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return String(text.prefix(7))
        }
        // Unix seconds between 1970 and the year 9999 (a larger value cannot be a date; it
        // would also trap when converted to time_t).
        if let seconds = Double(text), seconds > 0, seconds < 253_402_300_800 {
            var time = time_t(seconds)
            var parts = tm()
            gmtime_r(&time, &parts)
            return String(format: "%04d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1)
        }
        let words = text.split(separator: " ")
        if words.count == 6, let month = months.firstIndex(of: String(words[1])), let year = Int(words[5]), (1...9999).contains(year) {
            return String(format: "%04d-%02d", year, month + 1)
        }
        return nil
    }
}
