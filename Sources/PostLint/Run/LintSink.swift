/// Where a run's results go. `LintRun` calls a sink in input order: `receive` for each input
/// once its findings are final (documents always, posts only when they keep findings),
/// `problem` for each malformed record or failure as it is met, `progress` after each batch of
/// posts, and `finish` once with the whole report. Streaming sinks (JSON Lines, a progress
/// line) write as results come; collecting reporters render the report at `finish`.
public protocol LintSink: AnyObject {
    /// Once, before the first input, with every input of the run (for a progress total).
    func start(_ inputs: [RunInput])
    func receive(_ item: LintItem)
    func problem(_ diagnostic: Diagnostic)
    func progress(postsRead: Int)
    func finish(_ report: RunReport)
}

extension LintSink {
    public func start(_ inputs: [RunInput]) {}
    public func receive(_ item: LintItem) {}
    public func problem(_ diagnostic: Diagnostic) {}
    public func progress(postsRead: Int) {}
    public func finish(_ report: RunReport) {}
}

/// A collecting reporter as a sink: renders the final report (redacted when asked), hands the
/// text to `write` piece by piece, then calls `done` once.
public final class RenderingSink: LintSink {
    let reporter: any Reporter
    let redact: Bool
    let write: (String) -> Void
    let done: () -> Void

    public init(reporter: any Reporter, redact: Bool = false, write: @escaping (String) -> Void, done: @escaping () -> Void = {}) {
        self.reporter = reporter
        self.redact = redact
        self.write = write
        self.done = done
    }

    public func finish(_ report: RunReport) {
        reporter.render(redact ? report.redacted() : report, to: write)
        done()
    }
}

/// Keeps what it is sent, for library users and tests.
public final class CollectingSink: LintSink {
    public private(set) var items: [LintItem] = []
    public private(set) var problems: [Diagnostic] = []
    public private(set) var report: RunReport?

    public init() {}
    public func receive(_ item: LintItem) { items.append(item) }
    public func problem(_ diagnostic: Diagnostic) { problems.append(diagnostic) }
    public func finish(_ report: RunReport) { self.report = report }
}
