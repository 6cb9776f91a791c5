import PCRE2

/// A path glob as in `.gitignore`: `*` and `?` stay within a folder, `**` crosses folders, a
/// pattern without `/` matches a file name at any depth, one with `/` is anchored at the
/// configuration's folder; a trailing `/` matches everything below a folder.
public struct Glob: Sendable, CustomStringConvertible {
    public let pattern: String
    let regex: CompiledPattern

    public init(_ pattern: String) throws(PCRE2Error) {
        self.pattern = pattern
        var body = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        if body.hasSuffix("/") { body += "**" }
        let anchored = body.dropLast(body.hasSuffix("/**") ? 3 : 0).contains("/")
        var regex = anchored ? "^" : "^(?:.*/)?"
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            let rest = body[index...]
            if rest.hasPrefix("**/") {
                regex += "(?:.*/)?"
                index = body.index(index, offsetBy: 3)
                continue
            }
            if rest.hasPrefix("**") {
                regex += ".*"
                index = body.index(index, offsetBy: 2)
                continue
            }
            switch character {
            case "*": regex += "[^/]*"
            case "?": regex += "[^/]"
            case ".", "+", "(", ")", "|", "^", "$", "{", "}", "[", "]", "\\": regex += "\\" + String(character)
            default: regex.append(character)
            }
            index = body.index(after: index)
        }
        self.regex = try CompiledPattern(regex + "$", options: [.utf, .matchInvalidUTF])
    }

    /// Whether `path` (relative to the configuration's folder, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return ((try? regex.matches(in: relative, scratch: MatchScratch(maxCaptureGroups: 1))) ?? []).isEmpty == false
    }

    public var description: String { pattern }
}
