import PostLint

/// What `postlint serve` was started with: where it listens, its limits and its log, and the
/// run options every request starts from (a request adds its own configuration and region).
public struct ServerSettings: Sendable {
    /// The address to bind; loopback unless the operator says otherwise.
    public var host = "127.0.0.1"
    /// The port; 0 asks the system for a free one (the bound port is reported once running).
    public var port = 8080
    /// Request bodies above this many bytes get 413.
    public var maxBodyBytes = 1_000_000
    /// A request still running after this long gets 503.
    public var timeLimit: Duration = .seconds(5)
    /// Origins that get CORS headers (`--allow-origin`); empty: no CORS header is ever sent.
    public var allowedOrigins: [String] = []
    /// Put the posted text in the access log (`--log-text`); off by default.
    public var logText = false
    /// How many distinct (configuration, region) runs are kept compiled.
    public var cachedRuns = 32
    /// The run options every request starts from (rule folders given on the command line,
    /// built-in rules on or off). Requests never add rule folders.
    public var baseOptions = RunOptions()

    public init() {}
}
