/// What a front end chooses for a run: where settings come from, which rules, which inputs and
/// how, and what the pipeline does with the findings. Built from flags by the CLI, from a
/// request by a server; `LintRun` resolves it once.
public struct RunOptions: Sendable {
    /// Where `.postlint.yml` comes from.
    public enum ConfigurationSource: Sendable {
        /// Look for `.postlint.yml` from this folder upwards.
        case discover(from: String)
        /// This file.
        case file(String)
        /// No configuration file.
        case none
        /// A configuration already loaded.
        case loaded(Configuration)
    }

    /// `--fix`: in place, or as a diff (`--dry-run`).
    public enum FixMode: Sendable { case apply, dryRun }

    public var configuration: ConfigurationSource = .none
    /// Extra rule folders or files (`--rules`), after the configuration's `rule-folders`.
    public var ruleFolders: [String] = []
    public var includeBuiltinRules = true
    /// Overrides the configuration's `region`.
    public var region: String?
    public var prefilter = true
    public var profile: LintProfile?

    /// Read every input as this format instead of guessing from the name.
    public var inputFormat: InputFormat?
    /// The file name standard input (`-`) stands for (`--stdin-filename`): its format and
    /// per-glob settings, and the name findings are reported under.
    public var stdinFilename: String?
    /// Globs of paths to skip in walked folders (`--exclude`).
    public var excludes: [String] = []
    /// Fields (JSON) and columns (CSV) holding posts' text and id.
    public var jsonFields = FieldSelection()
    public var csvColumns = FieldSelection()
    /// Worker threads for multi-post inputs.
    public var jobs = 1
    /// Lint posts in every language (else posts in another language than the rules' are
    /// counted as not linted).
    public var allLanguages = false

    /// Report only findings that are not in this baseline file.
    public var baselinePath: String?
    /// Keep the findings before the baseline and diff-base filters in `RunReport.recorded`.
    public var recordBaseline = false
    /// A suppression comment without a reason is an error finding.
    public var requireReason = false
    public var fix: FixMode?
    /// Only findings on lines changed since this git revision.
    public var diffBase: String?
    /// Malformed records and rule failures on posts do not make the run fail.
    public var skipBadRecords = false
    /// Keep only error findings (`--quiet`): warnings and info are dropped before the sinks.
    public var quiet = false
    /// More warnings than this make the run fail (`--max-warnings`), whatever `fail-on` says.
    public var maxWarnings: Int?
    /// Overrides the configuration's `fail-on`.
    public var failOn: Threshold?

    public init() {}

    /// The fields to read posts of `format` with.
    func fields(for format: InputFormat) -> FieldSelection {
        switch format {
        case .csv, .tsv: return csvColumns
        default: return jsonFields
        }
    }
}
