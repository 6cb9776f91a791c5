import Foundation

/// Where linting time goes (`postlint check --profile`): per stage and per rule, summed over
/// all workers. Only collected when asked for; a lock guards the totals.
public final class LintProfile: @unchecked Sendable {
    public enum Stage: String, CaseIterable, Sendable {
        case read, normalise, prefilter, confirm, report
    }

    // SAFETY: every access to the dictionaries below holds `lock`.
    private let lock = NSLock()
    private var stages: [Stage: Duration] = [:]
    private var rules: [String: (time: Duration, runs: Int, skipped: Int)] = [:]
    /// Texts for which the prefilter let no rule run (every rule skipped them).
    private var textsSkipped = 0

    public init() {}

    public func add(_ stage: Stage, _ duration: Duration) {
        lock.lock(); defer { lock.unlock() }
        stages[stage, default: .zero] += duration
    }

    func addRule(_ id: String, _ duration: Duration?) {
        lock.lock(); defer { lock.unlock() }
        var entry = rules[id] ?? (.zero, 0, 0)
        if let duration { entry.time += duration; entry.runs += 1 } else { entry.skipped += 1 }
        rules[id] = entry
    }

    func addTextSkippedByAllRules() {
        lock.lock(); defer { lock.unlock() }
        textsSkipped += 1
    }

    /// Measures `body` as `stage`.
    public func measure<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer { add(stage, ContinuousClock.now - start) }
        return try body()
    }

    /// A table of stages and the 15 slowest rules.
    public func render() -> String {
        lock.lock(); defer { lock.unlock() }
        func ms(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return String(format: "%10.1f ms", value)
        }
        var out = "profile (CPU time summed over workers)\nstage\n"
        for stage in Stage.allCases { out += "  \(stage.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))\(ms(stages[stage] ?? .zero))\n" }
        out += "texts no rule could match (stopped after the prefilter): \(textsSkipped)\n"
        out += "rules (slowest first): time, texts confirmed, texts skipped by the prefilter\n"
        for (id, entry) in rules.sorted(by: { $0.value.time > $1.value.time }).prefix(15) {
            out += "  \(id.padding(toLength: 52, withPad: " ", startingAt: 0))\(ms(entry.time))  \(entry.runs) run, \(entry.skipped + textsSkipped) skipped\n"
        }
        return out
    }
}
