import Foundation

/// Scratches kept for reuse by `Linter.lint(_:)`, the entry point that takes no scratch (the
/// servers lint one request's text at a time from many threads). Without it every call made
/// a new PCRE2 match data and JIT stack and new prefilter buffers; with it a call borrows one
/// and gives it back, so a server's steady state allocates no scratch.
///
/// `NSLock` rather than `Synchronization.Mutex`: the package still supports macOS 13.
final class ScratchPool: @unchecked Sendable {
    /// At most this many idle scratches are kept (more concurrent calls than this make and
    /// drop their own); bounds memory after a burst.
    static let capacity = 16
    private let lock = NSLock()
    private var idle: [LintScratch] = []
    /// Makes a new scratch (also what `Linter.makeScratch()` returns).
    let make: @Sendable () -> LintScratch

    init(make: @escaping @Sendable () -> LintScratch) {
        self.make = make
    }

    /// Runs `body` with a scratch no other thread holds meanwhile.
    func withScratch<Result>(_ body: (LintScratch) -> Result) -> Result {
        let scratch = lock.withLock { idle.popLast() } ?? make()
        defer {
            lock.withLock { if idle.count < Self.capacity { idle.append(scratch) } }
        }
        return body(scratch)
    }
}
