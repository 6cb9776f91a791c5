/// Why a run could not start (a bad configuration, rule, baseline or revision): the lines to
/// show, the last saying that nothing was linted. Front ends exit with code 2.
public struct RunSetupError: Error, Sendable, CustomStringConvertible {
    public var lines: [String]

    public init(_ lines: [String]) { self.lines = lines }

    public var description: String { lines.joined(separator: "\n") }
}
