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
        switch policy {
        case .documentsAndPosts: return documentsAndPosts(paths, options: options, configuration: configuration, standardInput: standardInput)
        case .postsOnly: return postsOnly(paths, options: options)
        }
    }

    private static func documentsAndPosts(_ paths: [String], options: RunOptions, configuration: Configuration,
                                          standardInput: () -> Data) -> (inputs: [RunInput], problems: [Diagnostic]) {
        let forcedPosts = options.inputFormat.flatMap { $0.yieldsPosts ? $0 : nil }
        let forcedDocument = options.inputFormat.flatMap { $0.yieldsPosts ? nil : $0 }
        var inputs: [RunInput] = [], problems: [Diagnostic] = []
        if paths.isEmpty || paths.contains("-") {
            if let forcedPosts {
                inputs.append(.posts(PostInput(path: "/dev/stdin", displayPath: "<stdin>", format: forcedPosts)))
            } else {
                do throws(PostLintError) {
                    inputs.append(.document(try Document(data: standardInput(), format: forcedDocument ?? .text, path: "<stdin>")))
                } catch {
                    problems.append(error.diagnostic(file: "<stdin>"))
                }
            }
        }
        let explicit = Set(paths)
        let collected = InputCollector(excludes: options.excludes).collect(paths.filter { $0 != "-" })
        problems += collected.problems
        for path in collected.files where explicit.contains(path) || configuration.includes(configuration.relativePath(path)) {
            if forcedDocument == nil, ArchiveInputs.isArchive(path) {
                do throws(PostLintError) { inputs += try ArchiveInputs.expand(path).map(RunInput.posts) } catch { problems.append(error.diagnostic(file: path)) }
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
        return (inputs, problems)
    }

    private static func postsOnly(_ paths: [String], options: RunOptions) -> (inputs: [RunInput], problems: [Diagnostic]) {
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
                do throws(PostLintError) { inputs += try ArchiveInputs.expand(path).map(RunInput.posts) } catch { problems.append(error.diagnostic(file: path)) }
            } else if let format = forced ?? InputFormat.detectFile(path: path), format.yieldsPosts {
                inputs.append(.posts(PostInput(path: path, displayPath: path, format: format)))
            } else {
                problems.append(Diagnostic(file: path, message: "not a known export format; choose one with --input-format"))
            }
        }
        return (inputs, problems)
    }
}
