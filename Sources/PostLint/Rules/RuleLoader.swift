import Foundation
import Yams

/// A rule ready to run: its definition, its compiled kind and its exceptions.
///
/// A class, so the linter's loop over rules for each post passes one reference rather than
/// copying a definition full of strings.
final class CompiledRule: Sendable {
    let definition: RuleDefinition
    let matcher: any RuleMatcher
    let unless: [UnlessClause]

    init(definition: RuleDefinition, matcher: any RuleMatcher, unless: [UnlessClause]) {
        self.definition = definition
        self.matcher = matcher
        self.unless = unless
    }
}

/// Reads rule files strictly: phrase slots first, then shared lists, then rules. Every malformed file is
/// reported (file, line, column, what is wrong); a single error stops the whole load.
enum RuleLoader {
    static let commonKeys: Set<String> = [
        "id", "kind", "category", "severity", "title", "message", "suggestions", "explanation",
        "sources", "examples", "unless",
    ]
    static let listKeys: Set<String> = MatchSpec.keys.union(["list", "description", "region", "suggest"])

    /// Loads `files`; `region` (an ISO country code such as `GB`, or `INTL`) limits region
    /// lists to that region and the international ones.
    static func load(_ files: [RuleFile], region: String? = nil) throws(PostLintError) -> [CompiledRule] {
        var problems: [Diagnostic] = []
        var documents: [(RuleFile, YAMLMap)] = []
        for file in files {
            do throws(Diagnostic) {
                documents.append((file, try parse(file)))
            } catch {
                problems.append(error)
            }
        }
        // Phrase slots first, so any list or rule can use any slot; then shared lists, so any
        // rule can use any list.
        var slots = SlotRegistry()
        var slotFiles: [String: String] = [:]
        for (file, map) in documents where map.has("slot") {
            do throws(Diagnostic) {
                let slot = try Slot(map)
                if let first = slotFiles[slot.name] {
                    throw map.error(map.value("slot"), "duplicate slot '\(slot.name)' (also in \(first))")
                }
                slots.add(slot)
                slotFiles[slot.name] = file.path
            } catch {
                problems.append(error)
            }
        }
        var lists = ListRegistry(region: region, slots: slots)
        var listFiles: [String: String] = [:]
        for (file, map) in documents where map.has("list") && !map.has("slot") {
            do throws(Diagnostic) {
                try map.rejectUnknownKeys(allowed: listKeys, in: "a shared list")
                let name = try map.requiredString("list", in: "a shared list")
                if let first = listFiles[name] {
                    throw map.error(map.value("list"), "duplicate list '\(name)' (also in \(first))")
                }
                let spec = try MatchSpec(map)
                guard spec.lists.isEmpty else { throw map.error(map.value("lists"), "a shared list cannot include other lists") }
                guard !spec.isEmpty else { throw map.error(nil, "list '\(name)' needs phrases or patterns") }
                let matcher = try TextMatcher(spec, registry: ListRegistry(region: nil, slots: slots), file: file.path, node: map)
                lists.add(name, ListRegistry.Entry(matcher: matcher, region: try map.string("region")?.uppercased(),
                                                   suggest: try map.string("suggest")))
                listFiles[name] = file.path
            } catch {
                problems.append(error)
            }
        }
        if let region, !lists.regions.contains(region.uppercased()), problems.isEmpty {
            throw .invalidConfiguration("unknown region '\(region)'; known regions: \(lists.regions.sorted().joined(separator: ", "))")
        }
        var rules: [CompiledRule] = []
        var ruleFiles: [String: String] = [:]
        for (file, map) in documents where !map.has("list") && !map.has("slot") {
            do throws(Diagnostic) {
                let rule = try compileRule(map, lists: lists)
                if let first = ruleFiles[rule.definition.id] {
                    throw map.error(map.value("id"), "duplicate rule id '\(rule.definition.id)' (also in \(first))")
                }
                ruleFiles[rule.definition.id] = file.path
                rules.append(rule)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw .invalidRules(problems) }
        return rules.sorted { $0.definition.id < $1.definition.id }
    }

    static func parse(_ file: RuleFile) throws(Diagnostic) -> YAMLMap {
        let node: Node?
        try YAMLNesting.check(file.contents, file: file.path)
        try YAMLLineBreaks.check(file.contents, file: file.path)
        do {
            node = try Yams.compose(yaml: file.contents)
        } catch let error as YamlError {
            throw yamlDiagnostic(error, file: file.path)
        } catch {
            throw Diagnostic(file: file.path, message: "invalid YAML: \(error)")
        }
        guard let node else { throw Diagnostic(file: file.path, message: "empty rule file") }
        let map = try YAMLMap(node, file: file.path, what: "a rule file")
        guard map.has("id") || map.has("list") || map.has("slot") else {
            throw map.error(nil, "a rule file needs 'id' (a rule), 'list' (a shared list) or 'slot' (a phrase slot)")
        }
        return map
    }

    static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)")
        default:
            return Diagnostic(file: file, message: "invalid YAML: \(error)")
        }
    }

    static func compileRule(_ map: YAMLMap, lists: ListRegistry) throws(Diagnostic) -> CompiledRule {
        let id = try map.requiredString("id", in: "a rule")
        guard id.wholeMatch(of: /[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*/) != nil else {
            throw map.error(map.value("id"), "rule id '\(id)' must look like 'pack/name' (lower-case letters, digits, hyphens)")
        }
        let kindName = try map.requiredString("kind", in: "rule '\(id)'")
        guard let kind = RuleKinds.named(kindName) else {
            let names = RuleKinds.all.map { $0.name }
            var message = "unknown kind '\(kindName)'; expected one of \(names.joined(separator: ", "))"
            if let near = Spelling.closest(to: kindName, in: names) { message += " (did you mean '\(near)'?)" }
            throw map.error(map.value("kind"), message)
        }
        try map.rejectUnknownKeys(allowed: commonKeys.union(kind.keys), in: "a '\(kindName)' rule")
        let severityName = try map.requiredString("severity", in: "rule '\(id)'")
        guard let severity = Severity(rawValue: severityName) else {
            throw map.error(map.value("severity"), "unknown severity '\(severityName)'; expected error, warning or info")
        }
        let sources = try map.strings("sources") ?? []
        guard !sources.isEmpty else { throw map.error(nil, "rule '\(id)' needs at least one link in 'sources'") }
        for source in sources where !(source.hasPrefix("https://") || source.hasPrefix("http://")) {
            throw map.error(map.value("sources"), "source '\(source)' must be an http(s) link")
        }
        var message = try map.requiredString("message", in: "rule '\(id)'")
        if message.contains("{resource}") {
            // The suggested resource comes from the first list the rule requires.
            let required = try map.map("require", what: "'require'")
            guard let family = try required?.strings("lists")?.first, let resource = lists.suggestion(for: family) else {
                throw map.error(map.value("message"), "'{resource}' needs a 'require' list whose members have 'suggest'")
            }
            message = message.replacingOccurrences(of: "{resource}", with: resource)
        }
        let definition = RuleDefinition(
            id: id, kind: kindName,
            category: try map.requiredString("category", in: "rule '\(id)'"),
            severity: severity,
            title: try map.string("title") ?? message,
            message: message,
            suggestions: try map.strings("suggestions") ?? [],
            explanation: try map.requiredString("explanation", in: "rule '\(id)'"),
            sources: sources,
            examples: try examples(map, id: id),
            file: map.file, line: map.keyNode("id")?.mark?.line ?? map.line
        )
        let matcher = try kind.compile(map, lists: lists)
        var unless: [UnlessClause] = []
        for node in try map.sequence("unless") ?? [] {
            let clause = try YAMLMap(node, file: map.file, what: "an 'unless' entry")
            try clause.rejectUnknownKeys(allowed: UnlessClause.keys, in: "an 'unless' entry")
            let spec = try MatchSpec(clause)
            guard !spec.isEmpty else { throw clause.error(nil, "an 'unless' entry needs phrases, patterns or lists") }
            unless.append(UnlessClause(matcher: try TextMatcher(spec, registry: lists, file: map.file, node: clause),
                                       scope: try Scope.read(clause, default: .sentence)))
        }
        return CompiledRule(definition: definition, matcher: matcher, unless: unless)
    }

    static func examples(_ map: YAMLMap, id: String) throws(Diagnostic) -> RuleExamples {
        guard let examples = try map.map("examples", what: "'examples'") else {
            throw map.error(nil, "rule '\(id)' needs 'examples' with 'bad' and 'good' texts")
        }
        try examples.rejectUnknownKeys(allowed: ["bad", "good"], in: "'examples'")
        func read(_ key: String) throws(Diagnostic) -> [RuleExample] {
            guard let nodes = try examples.sequence(key), !nodes.isEmpty else {
                throw examples.error(nil, "rule '\(id)' needs at least one '\(key)' example")
            }
            var result: [RuleExample] = []
            for node in nodes {
                guard let text = node.scalarString else { throw examples.error(node, "each example must be a string") }
                result.append(RuleExample(text: text, line: node.mark?.line ?? 0))
            }
            return result
        }
        let bad = try read("bad")
        for example in bad where !example.text.contains(ExampleMarkers.open) {
            throw Diagnostic(file: map.file, line: example.line, column: 1,
                             message: "bad example must mark where the finding lands with \(ExampleMarkers.open)…\(ExampleMarkers.close)")
        }
        return RuleExamples(bad: bad, good: try read("good"))
    }
}
