import Foundation
import Yams

/// A rule's setting in a configuration: off, on at its own severity, or on at another severity.
public enum RuleSetting: Sendable, Hashable {
    case off
    case on
    case severity(Severity)

    static let names = ["off", "on", "error", "warning", "info"]

    init?(_ name: String) {
        switch name.lowercased() {
        case "off", "false", "no": self = .off
        case "on", "true", "yes": self = .on
        default:
            guard let severity = Severity(rawValue: name.lowercased()) else { return nil }
            self = .severity(severity)
        }
    }
}

/// A project's `.postlint.yml`: which packs and rules run at which severity, for which files.
/// Strict: an unknown key or a bad value is an error at its file, line and column.
public struct Configuration: Sendable {
    /// Where a setting names a rule or pack, for validating ids once rules are loaded.
    struct NameReference: Sendable {
        let name: String
        let line: Int
        let column: Int
    }

    /// Per-glob settings, applied in order after the top-level ones.
    public struct Override: Sendable {
        public var files: [Glob]
        public var rules: [String: RuleSetting]
        var references: [NameReference]
    }

    public static let fileNames = [".postlint.yml", ".postlint.yaml"]
    public static let failOnValues = ["error", "warning", "info", "never"]

    /// The configuration file, or nil for the defaults.
    public var file: String?
    /// The folder globs and rule folders are relative to.
    public var baseDirectory: String
    public var packs: [String: Bool] = [:]
    public var rules: [String: RuleSetting] = [:]
    public var region: String?
    public var ruleFolders: [String] = []
    /// Where `rule-folders` is written (line and column), for messages about a folder.
    public var ruleFoldersPosition: (line: Int, column: Int) = (0, 0)
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var overrides: [Override] = []
    public var failOn: String?
    var references: [NameReference] = []

    /// The defaults: every built-in rule at its own severity, every file.
    public init(baseDirectory: String = ".") {
        self.baseDirectory = baseDirectory
    }

    /// Finds `.postlint.yml` (or `.yaml`) in `directory` or the nearest folder above it.
    public static func discover(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = url.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads and checks a configuration file.
    public static func load(path: String) throws(PostLintError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidConfiguration("cannot read configuration '\(path)'")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalidRules([Diagnostic(file: path, message: "configuration is not valid UTF-8")])
        }
        do throws(Diagnostic) {
            return try parse(text, path: path)
        } catch {
            throw .invalidRules([error])
        }
    }

    static let keys: Set<String> = ["version", "packs", "rules", "region", "rule-folders", "include", "exclude", "overrides", "fail-on"]

    /// Parses configuration text (`path` names it in errors).
    public static func parse(_ text: String, path: String) throws(Diagnostic) -> Configuration {
        let node: Node?
        try YAMLNesting.check(text, file: path)
        try YAMLLineBreaks.check(text, file: path)
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RuleLoader.yamlDiagnostic(error, file: path)
        } catch {
            throw Diagnostic(file: path, message: "invalid YAML: \(error)")
        }
        guard let node else { throw Diagnostic(file: path, message: "empty configuration; it needs at least 'version: 1'") }
        let map = try YAMLMap(node, file: path, what: "a configuration")
        try map.rejectUnknownKeys(allowed: keys, in: "the configuration")
        guard let version = try map.int("version", minimum: 1) else { throw map.error(nil, "the configuration needs 'version: 1'") }
        guard version == 1 else { throw map.error(map.value("version"), "unsupported version \(version); this postlint reads version 1") }
        var configuration = Configuration(baseDirectory: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        configuration.file = path
        if let packs = try map.map("packs", what: "'packs'") {
            for pair in packs.pairs {
                guard let on = pair.value.bool else { throw packs.error(pair.value, "pack '\(pair.key)' must be true or false") }
                configuration.packs[pair.key] = on
                configuration.references.append(NameReference(name: pair.key, line: pair.keyNode.mark?.line ?? 0, column: pair.keyNode.mark?.column ?? 0))
            }
        }
        if let rules = try map.map("rules", what: "'rules'") {
            let (settings, references) = try ruleSettings(rules)
            configuration.rules = settings
            configuration.references += references
        }
        if let region = try map.string("region") { configuration.region = region.uppercased() }
        configuration.ruleFolders = try map.strings("rule-folders") ?? []
        if map.has("rule-folders"), let node = map.value("rule-folders") {
            configuration.ruleFoldersPosition = (node.mark?.line ?? 0, node.mark?.column ?? 0)
        }
        configuration.include = try globs(map, "include")
        configuration.exclude = try globs(map, "exclude")
        if let failOn = try map.string("fail-on") {
            guard failOnValues.contains(failOn) else {
                var message = "'fail-on' must be one of \(failOnValues.joined(separator: ", "))"
                if let near = Spelling.closest(to: failOn, in: failOnValues) { message += "; did you mean '\(near)'?" }
                throw map.error(map.value("fail-on"), message)
            }
            configuration.failOn = failOn
        }
        for item in try map.sequence("overrides") ?? [] {
            let entry = try YAMLMap(item, file: path, what: "an override")
            try entry.rejectUnknownKeys(allowed: ["files", "rules"], in: "an override")
            let files = try globs(entry, "files")
            guard !files.isEmpty else { throw entry.error(nil, "an override needs 'files'") }
            guard let rules = try entry.map("rules", what: "'rules'") else { throw entry.error(nil, "an override needs 'rules'") }
            let (settings, references) = try ruleSettings(rules)
            configuration.overrides.append(Override(files: files, rules: settings, references: references))
        }
        return configuration
    }

    private static func ruleSettings(_ map: YAMLMap) throws(Diagnostic) -> ([String: RuleSetting], [NameReference]) {
        var settings: [String: RuleSetting] = [:], references: [NameReference] = []
        for pair in map.pairs {
            let raw = pair.value.scalarString ?? ""
            guard let setting = RuleSetting(raw) else {
                var message = "'\(pair.key)' must be one of \(RuleSetting.names.joined(separator: ", "))"
                if let near = Spelling.closest(to: raw, in: RuleSetting.names) { message += "; did you mean '\(near)'?" }
                throw map.error(pair.value, message)
            }
            settings[pair.key] = setting
            references.append(NameReference(name: pair.key, line: pair.keyNode.mark?.line ?? 0, column: pair.keyNode.mark?.column ?? 0))
        }
        return (settings, references)
    }

    private static func globs(_ map: YAMLMap, _ key: String) throws(Diagnostic) -> [Glob] {
        var result: [Glob] = []
        for pattern in try map.strings(key) ?? [] {
            do {
                result.append(try Glob(pattern))
            } catch {
                throw map.error(map.value(key), "invalid glob '\(pattern)': \(error)")
            }
        }
        return result
    }

    /// Checks that every rule id and pack named exists (with a "did you mean").
    public func validate(against rules: [RuleDefinition]) throws(PostLintError) {
        let ids = Set(rules.map(\.id))
        let packs = Set(rules.map { String($0.id.split(separator: "/")[0]) })
        var problems: [Diagnostic] = []
        for reference in references + overrides.flatMap(\.references) where !ids.contains(reference.name) && !packs.contains(reference.name) {
            var message = reference.name.contains("/") ? "unknown rule '\(reference.name)'" : "unknown rule or pack '\(reference.name)'"
            if let near = Spelling.closest(to: reference.name, in: ids.union(packs)) ?? Spelling.closestRule(to: reference.name, in: ids.sorted()) {
                message += "; did you mean '\(near)'?"
            }
            problems.append(Diagnostic(file: file ?? "configuration", line: reference.line, column: reference.column, message: message))
        }
        if !problems.isEmpty { throw .invalidRules(problems) }
    }

    /// Rules switched off everywhere (by pack or by id, with no override switching them on).
    public func disabledEverywhere(_ definitions: [RuleDefinition]) -> Set<String> {
        let mentionedInOverrides = Set(overrides.flatMap { $0.rules.keys })
        return Set(definitions.filter { rule in
            let pack = String(rule.id.split(separator: "/")[0])
            let off = setting(for: rule.id, pack: pack, in: rules, packs: packs) == .off
            return off && !mentionedInOverrides.contains(rule.id) && !mentionedInOverrides.contains(pack)
        }.map(\.id))
    }

    private func setting(for id: String, pack: String, in settings: [String: RuleSetting], packs: [String: Bool]) -> RuleSetting? {
        if let setting = settings[id] { return setting }
        if let setting = settings[pack] { return setting }
        if let on = packs[pack] { return on ? .on : .off }
        return nil
    }

    /// The severity a finding of `rule` has in `path` (relative to the base folder), or nil
    /// when the rule is off there. Later settings win: packs, rules, then each matching override.
    /// Whether any rule or pack setting could change a finding (else findings pass as they are).
    var hasRuleSettings: Bool { !rules.isEmpty || !packs.isEmpty || !overrides.isEmpty }

    public func severity(of rule: String, defaultSeverity: Severity, path: String) -> Severity? {
        let pack = String(rule.split(separator: "/").first ?? "")
        var setting = setting(for: rule, pack: pack, in: rules, packs: packs) ?? .on
        for override in overrides where override.files.contains(where: { $0.matches(path) }) {
            if let local = override.rules[rule] ?? override.rules[pack] { setting = local }
        }
        switch setting {
        case .off: return nil
        case .on: return defaultSeverity
        case .severity(let severity): return severity
        }
    }

    /// Whether a file found by walking folders is linted (`include`, then `exclude`).
    public func includes(_ path: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { $0.matches(path) }) { return false }
        return !exclude.contains { $0.matches(path) }
    }

    /// Whether the configuration's `exclude` skips `path` (relative to the base folder); applied
    /// to files named on the command line too.
    public func excludes(_ path: String) -> Bool { exclude.contains { $0.matches(path) } }

    /// `path` relative to the base folder, for globs.
    public func relativePath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: baseDirectory).standardizedFileURL.path
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
