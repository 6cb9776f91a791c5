import Foundation

/// One input of a run: a document linted whole, or a file (or archive entry) of posts.
public enum RunInput: Sendable {
    case document(Document)
    case posts(PostInput)
}

/// Turns the paths a user gave into inputs: folders walked, archives expanded, each file's
/// format detected (or forced), configured `include` globs applied to walked files.
public enum RunInputs {
    /// Which inputs a front end takes.
    public enum Policy: Sendable {
        /// Texts, Markdown and multi-post files (`check`); `-` or no path reads standard input.
        case documentsAndPosts
        /// Multi-post files only (`audit`); folders are searched for exports.
        case postsOnly
    }

    /// The inputs for `paths`, and the problems met (missing paths, unreadable or non-UTF-8
    /// files), each naming its path.
    public static func collect(_ paths: [String], policy: Policy, options: RunOptions, configuration: Configuration,
                               standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        -> (inputs: [RunInput], problems: [Diagnostic]) {
        let collected = collectWithNotes(paths, policy: policy, options: options, configuration: configuration, standardInput: standardInput)
        return (collected.inputs, collected.problems)
    }

    /// `collect`, with notes on what was left out (files named on the command line that the
    /// configuration's `exclude` skips), shown under `--verbose`.
    public static func collectWithNotes(_ paths: [String], policy: Policy, options: RunOptions, configuration: Configuration,
                                        standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        -> (inputs: [RunInput], problems: [Diagnostic], notes: [String]) {
        switch policy {
        case .documentsAndPosts: return documentsAndPosts(paths, options: options, configuration: configuration, standardInput: standardInput)
        case .postsOnly:
            return postsOnly(paths, options: options)
        }
    }

    /// The name standard input is reported under: `--stdin-filename`, else `<stdin>`.
    public static func standardInputPath(_ options: RunOptions) -> String { options.stdinFilename ?? "<stdin>" }

    private static func documentsAndPosts(_ paths: [String], options: RunOptions, configuration: Configuration,
                                          standardInput: () -> Data) -> (inputs: [RunInput], problems: [Diagnostic], notes: [String]) {
        let forcedPosts = options.inputFormat.flatMap { $0.yieldsPosts ? $0 : nil }
        let forcedDocument = options.inputFormat.flatMap { $0.yieldsPosts ? nil : $0 }
        var inputs: [RunInput] = [], problems: [Diagnostic] = [], notes: [String] = []
        if paths.contains("-") {
            // `--stdin-filename` picks the format and the per-glob settings, as a file of that name would.
            let name = standardInputPath(options)
            let named = options.stdinFilename.map { InputFormat.detect(path: $0) ?? InputFormat.forPath($0) }
            if let format = forcedPosts ?? (forcedDocument == nil ? named.flatMap { $0.yieldsPosts ? $0 : nil } : nil) {
                inputs.append(.posts(PostInput(path: "/dev/stdin", displayPath: name, format: format)))
            } else {
                do throws(PostLintError) {
                    inputs.append(.document(try Document(data: standardInput(), format: forcedDocument ?? named ?? .text, path: name)))
                } catch {
                    problems.append(error.diagnostic(file: name))
                }
            }
        }
        // No path: the current folder, walked with the configured include and exclude (never
        // standard input, so a CI step with nothing piped in cannot pass by linting nothing).
        let walked = paths.isEmpty ? ["."] : paths.filter { $0 != "-" }
        let explicit = Set(paths)
        let collected = InputCollector(excludes: options.excludes).collect(walked)
        problems += collected.problems
        notes += collected.notes
        var excludedExplicitly = 0
        for path in collected.files {
            let relative = configuration.relativePath(path)
            if explicit.contains(path) {
                // Like ruff's force-exclude: a hook that passes file names still honours `exclude`.
                if configuration.excludes(relative) {
                    excludedExplicitly += 1
                    notes.append("skipped '\(path)': excluded by \(configuration.file ?? "the configuration")")
                    continue
                }
            } else if !configuration.includes(relative) {
                continue
            }
            if forcedDocument == nil, ArchiveInputs.isArchive(path) {
                do throws(PostLintError) { inputs += try ArchiveInputs.expand(path, problems: &problems).map(RunInput.posts) } catch { problems.append(error.diagnostic(file: path)) }
                continue
            }
            if forcedDocument == nil, let format = forcedPosts ?? InputFormat.detectFile(path: path), format.yieldsPosts {
                inputs.append(.posts(PostInput(path: path, displayPath: path, format: format)))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(file: path, message: "cannot read file"))
                continue
            }
            do throws(PostLintError) {
                inputs.append(.document(try Document(data: data, format: forcedDocument ?? InputFormat.forPath(path), path: path)))
            } catch {
                problems.append(error.diagnostic(file: path))
            }
        }
        if inputs.isEmpty && problems.isEmpty && excludedExplicitly == 0 {
            let place = walked.map { "'\($0)'" }.joined(separator: ", ")
            problems.append(Diagnostic(file: walked.joined(separator: ", "),
                                       message: "nothing to lint: no .md, .markdown or .txt files in \(place) after include and exclude; give paths, or '-' to read standard input"))
        }
        return (inputs, problems, notes)
    }

    private static func postsOnly(_ paths: [String], options: RunOptions) -> (inputs: [RunInput], problems: [Diagnostic], notes: [String]) {
        let forced = options.inputFormat.flatMap { $0.yieldsPosts ? $0 : nil }
        var inputs: [RunInput] = [], problems: [Diagnostic] = []
        // Folders are searched for exports; note-tweet.js completes tweets.js beside it, so it
        // is not a separate input there.
        let collector = InputCollector(excludes: options.excludes, accepts: { path in
            (InputFormat.detectFile(path: path)?.yieldsPosts == true || ArchiveInputs.isArchive(path))
                && (path as NSString).lastPathComponent != "note-tweet.js"
        })
        let collected = collector.collect(paths)
        problems += collected.problems
        for path in collected.files {
            if ArchiveInputs.isArchive(path) && forced == nil {
                do throws(PostLintError) { inputs += try ArchiveInputs.expand(path, problems: &problems).map(RunInput.posts) } catch { problems.append(error.diagnostic(file: path)) }
            } else if let format = forced ?? InputFormat.detectFile(path: path), format.yieldsPosts {
                inputs.append(.posts(PostInput(path: path, displayPath: path, format: format)))
            } else {
                problems.append(Diagnostic(file: path, message: "not a known export format; choose one with --input-format"))
            }
        }
        if inputs.isEmpty && problems.isEmpty {
            let skipped = collected.notes.isEmpty ? "" : " (\(collected.notes.joined(separator: "; ")))"
            problems.append(Diagnostic(file: paths.joined(separator: ", "),
                                       message: "nothing to audit: no export file postlint can read\(skipped); give the export's files or folder, or choose a format with --input-format"))
        }
        return (inputs, problems, collected.notes)
    }
}
