import PostLint
import Testing

@Suite struct PhrasesKindTests {
    let linter: Linter

    init() throws {
        linter = try makeLinter([
            "p.yml": ruleYAML(kind: "phrases", "phrases: [\"don't worry be happy\", \"self-care\", \"good vibes\"]"),
            "i.yml": ruleYAML(id: "test/inflect", kind: "phrases", "phrases: [\"commit suicide\", \"cure anxiety\", \"cry\"]\ninflect: true"),
        ])
    }

    @Test func caseWhitespaceAndApostrophesAreTolerated() throws {
        let text = "DON’T   worry\nbe happy, and Good Vibes"
        #expect(matches(try linter.lint(text: text)) == ["DON’T   worry\nbe happy", "Good Vibes"])
    }

    @Test func hyphenMatchesSpaceOrNothing() throws {
        #expect(matches(try linter.lint(text: "self care, selfcare, self-care")) == ["self care", "selfcare", "self-care"])
    }

    @Test func wordBoundariesHoldForUnicodeLetters() throws {
        #expect(try linter.lint(text: "ungood vibesé and goodvibes").isEmpty)
    }

    @Test func inflectionsWhenTheRuleAsks() throws {
        let found = try linter.lint(text: "He committed suicide. It cures anxiety. She cried. Commits suicide. crying")
        #expect(matches(found.filter { $0.rule == "test/inflect" })
            == ["committed suicide", "cures anxiety", "cried", "Commits suicide", "crying"])
    }
}

@Suite struct PatternKindTests {
    @Test func patternsAreCaselessByDefaultAndCaseSensitiveOnRequest() throws {
        let linter = try makeLinter([
            "a.yml": ruleYAML(id: "t/caseless", kind: "pattern", "pattern: 'big\\s+pharma'"),
            "b.yml": ruleYAML(id: "t/exact", kind: "pattern", "patterns: ['\\bWHO\\b']\nignore-case: false"),
        ])
        let found = try linter.lint(text: "BIG Pharma and who and WHO")
        #expect(found.map { "\($0.rule):\($0.match)" } == ["t/caseless:BIG Pharma", "t/exact:WHO"])
    }

    @Test func overlappingPatternsReportOnce() throws {
        let linter = try makeLinter(["a.yml": ruleYAML(kind: "pattern", "patterns: ['cures anxiety', 'cures']")])
        #expect(matches(try linter.lint(text: "it cures anxiety")) == ["cures anxiety"])
    }
}

@Suite struct SubstitutionKindTests {
    @Test func eachSwapCarriesItsOwnSuggestions() throws {
        let linter = try makeLinter(["s.yml": ruleYAML(kind: "substitution", """
            swap:
              "committed suicide": ["died by suicide", "took their own life"]
              "happy pills": antidepressants
            """)])
        let found = try linter.lint(text: "He committed suicide. Happy pills.")
        #expect(found.map(\.suggestions) == [["died by suicide", "took their own life"], ["antidepressants"]])
        #expect(found.first?.message == "found 'committed suicide'")
    }

    @Test func emptySwapIsAnError() {
        #expect(loadErrors(["s.yml": ruleYAML(kind: "substitution", "swap: {}")]).first?.message == "'swap' must not be empty")
    }
}

@Suite struct RequiresKindTests {
    let files = [
        "list.yml": "list: helplines\nphrases: [\"call 988\", \"116 123\"]",
        "r.yml": ruleYAML(kind: "requires", """
            trigger: {phrases: [suicide, suicidal]}
            require: {lists: [helplines]}
            """),
    ]

    @Test func reportedOnceAtTheFirstTrigger() throws {
        let found = try makeLinter(files).lint(text: "I feel suicidal. Suicide is on my mind.")
        #expect(found.count == 1)
        #expect(found.first?.match == "suicidal")
        #expect(found.first?.location.column == 8)
    }

    @Test func anyRequiredMatchInThePostSatisfiesIt() throws {
        let linter = try makeLinter(files)
        #expect(try linter.lint(text: "Suicide is preventable.\n\nCall 988 any time.").isEmpty)
        #expect(try linter.lint(text: "116 123 is free. Suicide is preventable.").isEmpty)
    }

    @Test func sentenceScopeNeedsTheRequirementInTheSameSentence() throws {
        var scoped = files
        scoped["r.yml"] = ruleYAML(kind: "requires", "trigger: {phrases: [suicide]}\nrequire: {lists: [helplines]}\nscope: sentence")
        let linter = try makeLinter(scoped)
        #expect(try linter.lint(text: "Suicide: call 988. Suicide again.").map(\.location.column) == [20])
    }

    @Test func missingTriggerOrRequireIsAnError() {
        let errors = loadErrors(["r.yml": ruleYAML(kind: "requires", "trigger: {phrases: [x]}")])
        #expect(errors.first?.message == "a requires rule needs 'require'")
    }
}

@Suite struct UnlessTests {
    func linter(_ unless: String) throws -> Linter {
        try makeLinter([
            "neg.yml": "list: neg\nphrases: [not, \"don't\", never]",
            "r.yml": ruleYAML(kind: "phrases", "phrases: [\"good vibes only\", \"stop taking your meds\"]\nunless:\n\(unless)"),
        ])
    }

    @Test func sentenceScope() throws {
        let linter = try linter("  - phrases: [\"stop saying\"]\n    scope: sentence")
        #expect(try linter.lint(text: "Stop saying good vibes only.").isEmpty)
        #expect(matches(try linter.lint(text: "Stop saying that. Good vibes only!")) == ["Good vibes only"])
    }

    @Test func wordsScope() throws {
        let linter = try linter("  - lists: [neg]\n    words: 1")
        #expect(try linter.lint(text: "Don't stop taking your meds.").isEmpty)
        #expect(try linter.lint(text: "Never just stop taking your meds.").isEmpty)
        #expect(matches(try linter.lint(text: "I do not think you should ever stop taking your meds.")) == ["stop taking your meds"])
    }

    @Test func enclosingScopeForQuotation() throws {
        let linter = try linter("  - patterns: ['\"[^\"]*\"']\n    scope: enclosing")
        #expect(try linter.lint(text: "The sign said \"good vibes only\" and I left.").isEmpty)
        #expect(matches(try linter.lint(text: "\"Hi\" good vibes only")) == ["good vibes only"])
    }

    @Test func unknownScopeIsAnError() {
        let errors = loadErrors(["r.yml": ruleYAML(kind: "phrases", "phrases: [x]\nunless:\n  - phrases: [y]\n    scope: paragraph")])
        #expect(errors.first?.message.hasPrefix("unknown scope 'paragraph'") == true)
        #expect(errors.first?.line == 11)
    }
}

@Suite struct DirectionalScopeTests {
    @Test func beforeOnlyLooksBackAndAfterOnlyForward() throws {
        let linter = try makeLinter([
            "b.yml": ruleYAML(id: "t/before", kind: "phrases", "phrases: [kys]\nunless:\n  - phrases: [nobody, never]\n    before: 1"),
            "a.yml": ruleYAML(id: "t/after", kind: "phrases", "phrases: [\"killing myself\"]\nunless:\n  - phrases: [laughing]\n    after: 0"),
        ])
        #expect(matches(try linter.lint(text: "kys nobody wants you")) == ["kys"])
        #expect(try linter.lint(text: "never kys").isEmpty)
        #expect(try linter.lint(text: "killing myself laughing").isEmpty)
        #expect(matches(try linter.lint(text: "laughing, then killing myself")) == ["killing myself"])
    }
}
