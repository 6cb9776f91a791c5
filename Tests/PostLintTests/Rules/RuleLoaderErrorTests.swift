import PostLint
import Testing

@Suite struct RuleLoaderErrorTests {
    @Test func badYAMLNamesLineAndColumn() {
        let errors = loadErrors(["r.yml": "id: a/b\nkind: [pattern\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.file == "r.yml")
        #expect(errors.first?.line ?? 0 >= 2)
        #expect(errors.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func unknownKeySuggestsTheClosestOne() {
        let yaml = ruleYAML(kind: "phrases", "phrases: [x]\nsugestions: [y]")
        let errors = loadErrors(["r.yml": yaml])
        #expect(errors.map(\.description) == ["r.yml:9:1: error: unknown key 'sugestions' in a 'phrases' rule; did you mean 'suggestions'?"])
    }

    @Test func missingFieldIsNamed() {
        let yaml = ruleYAML(kind: "phrases", "phrases: [x]").replacingOccurrences(of: "explanation: For tests.\n", with: "")
        let errors = loadErrors(["r.yml": yaml])
        #expect(errors.first?.message == "rule 'test/rule' is missing required key 'explanation'")
        #expect(errors.first?.line == 1)
    }

    @Test func invalidRegexCarriesPCRE2MessageOffsetAndLine() {
        let errors = loadErrors(["dir/r.yml": ruleYAML(kind: "pattern", "pattern: \"(unclosed\"")])
        #expect(errors.map(\.description) == [
            "dir/r.yml:8:10: error: invalid pattern '(unclosed': PCRE2: error compiling pattern at offset 9: missing closing parenthesis"
        ])
    }

    @Test func invalidRegexInAListPointsAtItsItem() {
        let errors = loadErrors(["r.yml": ruleYAML(kind: "pattern", "patterns:\n  - ok\n  - 'a{2,1}'")])
        #expect(errors.first?.line == 10)
        #expect(errors.first?.message.contains("PCRE2: error compiling pattern at offset") == true)
    }

    @Test func unknownKindListsTheKnownOnes() {
        let errors = loadErrors(["r.yml": ruleYAML(kind: "phrase", "phrases: [x]")])
        #expect(errors.first?.message == "unknown kind 'phrase'; expected one of pattern, phrases, substitution, requires (did you mean 'phrases'?)")
        #expect(errors.first?.line == 2)
        #expect(errors.first?.column == 7)
    }

    @Test func duplicateIdNamesBothFiles() {
        let rule = ruleYAML(kind: "phrases", "phrases: [x]")
        let errors = loadErrors(["a.yml": rule, "b.yml": rule])
        #expect(errors.map(\.description) == ["b.yml:1:5: error: duplicate rule id 'test/rule' (also in a.yml)"])
    }

    @Test func duplicateKeyIsAnError() {
        let errors = loadErrors(["r.yml": ruleYAML(kind: "phrases", "phrases: [x]\nphrases: [y]")])
        #expect(errors.first?.message == "duplicate key 'phrases' (first at line 8)")
    }

    @Test func badSeverityUnknownListAndUnmarkedExample() {
        #expect(loadErrors(["r.yml": ruleYAML(kind: "phrases", severity: "fatal", "phrases: [x]")]).first?.message
            == "unknown severity 'fatal'; expected error, warning or info")
        #expect(loadErrors(["r.yml": ruleYAML(kind: "phrases", "phrases: [x]\nunless:\n  - lists: [negaton]")]).first?.message
            == "unknown list 'negaton'")
        #expect(loadErrors(["r.yml": ruleYAML(kind: "phrases", "phrases: [x]", bad: "\"x\"")]).first?.message
            == "bad example must mark where the finding lands with [[…]]")
    }

    @Test func everyBrokenFileIsReportedNotJustTheFirst() {
        let errors = loadErrors([
            "a.yml": ruleYAML(id: "t/a", kind: "nope", ""),
            "b.yml": ruleYAML(id: "t/b", kind: "pattern", "pattern: '('"),
            "c.yml": ruleYAML(id: "t/c", kind: "phrases", "phrases: [fine]"),
        ])
        #expect(errors.map(\.file) == ["a.yml", "b.yml"])
    }

    @Test func sourcesMustBeLinks() {
        let yaml = ruleYAML(kind: "phrases", "phrases: [x]").replacingOccurrences(of: "[https://example.org/rule]", with: "[a book]")
        #expect(loadErrors(["r.yml": yaml]).first?.message == "source 'a book' must be an http(s) link")
    }
}
