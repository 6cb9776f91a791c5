import PCRE2
@testable import PostLint
import Testing

/// The built-in grammar slots (`Rules/lists/grammar`) as rule files, with `files` added.
private func withGrammar(_ files: [String: String]) -> [String: String] {
    var all = files
    for file in RuleFile.builtin where file.path.hasPrefix("Rules/lists/grammar/") { all[file.path] = file.contents }
    return all
}

/// The built-in slots, by name.
private func grammar() throws -> SlotRegistry {
    var slots = SlotRegistry()
    for file in RuleFile.builtin where file.path.hasPrefix("Rules/lists/grammar/") {
        slots.add(try Slot(try RuleLoader.parse(file)))
    }
    return slots
}

/// Every text `phrase` stands for: each slot takes each form (an optional one also none),
/// a contraction attaches to the word before it.
private func expansions(_ phrase: SlotPhrase) -> [String] {
    var texts = [""]
    for part in phrase.parts {
        let choices: [String?]
        switch part {
        case .word(let word): choices = [word]
        case .slot(let slot, let optional): choices = slot.forms + (optional ? [nil] : [])
        }
        texts = texts.flatMap { text in
            choices.map { choice in
                guard let choice else { return text }
                if text.isEmpty { return choice }
                return Slot.attaches(choice) ? text + choice : text + " " + choice
            }
        }
    }
    return texts
}

@Suite struct PhraseSlotTests {
    static let crisisPhrases = [
        "{subject} {aux}? {think} about {take} {possessive} life",
        "{subject} {be} {be}? {cut} {reflexive}",
        "{subject} {be} ready to {kill} {reflexive}",
        "{subject} {adverb-gap}? {want-to} {die}",
    ]

    let linter: Linter

    init() throws {
        let phrases = PhraseSlotTests.crisisPhrases.map { "\"\($0)\"" }.joined(separator: ", ")
        linter = try makeLinter(withGrammar(["r.yml": ruleYAML(kind: "phrases", "phrases: [\(phrases)]")]))
    }

    @Test func oneSlottedPhraseMatchesEveryPersonAndTense() throws {
        for text in [
            "I keep thinking about taking my life", "he thought about taking his life", "we think about taking our life",
            "she's been cutting herself", "I'm cutting myself", "they were cutting themselves", "you are cut yourself",
            "they were ready to kill themselves", "I'm ready to kill myself", "he is ready to kill himself",
            "I wanted to die", "she just wants to die", "ppl honestly wanna die", "they wanted to die",
        ] {
            #expect(matches(try linter.lint(text: "so. " + text + ".")) == [text], "\(text)")
        }
    }

    @Test func curlyApostrophesLineBreaksAndCaseAreTolerated() throws {
        #expect(matches(try linter.lint(text: "SHE’S   been\ncutting Herself")) == ["SHE’S   been\ncutting Herself"])
    }

    @Test func slotsKeepWordBoundaries() throws {
        for text in [
            "sheriff's been cutting herself", "she's been cutting herselfie", "I keep thinking about taking my lifeguard test",
            "I wanted to diet", "I'mready to kill myself", "we're ready to skill ourselves", "I wanted to dieselpunk",
        ] {
            #expect(try linter.lint(text: text).isEmpty, "\(text)")
        }
    }

    @Test func everyExpansionMatchesAndHoldsALiteral() throws {
        let slots = try grammar()
        for written in PhraseSlotTests.crisisPhrases {
            let phrase = try SlotPhrase(written, slots: slots)
            let literals = try #require(PhraseCompiler.literals(for: phrase, inflect: false))
            #expect(!literals.isEmpty && literals.allSatisfy { !$0.isEmpty && $0 == $0.lowercased() })
            let pattern = try CompiledPattern(PhraseCompiler.pattern(for: [phrase], inflect: false),
                                              options: [.utf, .ucp, .matchInvalidUTF, .caseless])
            let scratch = MatchScratch()
            let texts = expansions(phrase)
            #expect(texts.count > 100)
            for text in texts {
                // The prefilter reads the text lower-cased, whitespace runs as one space.
                let folded = text.lowercased()
                #expect(literals.contains { folded.contains($0) }, "no literal of '\(written)' in '\(text)'")
                #expect(try pattern.matches(in: text, scratch: scratch).first?.range == 0..<text.utf8.count, "'\(written)' misses '\(text)'")
            }
        }
        // A sample through the whole linter, prefilter included.
        for text in expansions(try SlotPhrase(PhraseSlotTests.crisisPhrases[2], slots: slots)).prefix(300) {
            #expect(matches(try linter.lint(text: text)) == [text])
        }
    }

    @Test func literalsArePlainRunsAndProductsOfSlotForms() throws {
        let slots = try grammar()
        func literals(_ phrase: String, inflect: Bool = false) throws -> [String]? {
            PhraseCompiler.literals(for: try SlotPhrase(phrase, slots: slots), inflect: inflect)?.sorted()
        }
        // A long enough plain run wins over slot products.
        #expect(try literals("{subject} {be} ready to {kill} {reflexive}") == ["ready to kill"])
        // Adjacent slots: their product (supersets dropped: "want to die" is enough for "want to dying").
        #expect(try literals("{want-to} {die}")?.contains("wanna die") == true)
        #expect(try literals("{kill} {reflexive}")?.count == 4 * 9)
        // An optional slot inside a run: the run with and without it.
        #expect(try literals("take {possessive}? life") == ["take her life", "take his life", "take life", "take my life",
                                                           "take our life", "take their life", "take ur life", "take your life"])
        // A product above the cap is not used ("kill" × 19 adverbs and none × 9 reflexives).
        #expect(try literals("kill {adverb-gap}? {reflexive}")?.contains("myself") == true)
        // A contraction form breaks a run: "{be}" alone gives each form's own literal (and
        // "was" goes, as every text holding it holds "s").
        #expect(try literals("{be}") == ["be", "m", "re", "s"])
        // With inflect, plain words give their stem, slot forms stay as they are.
        #expect(try literals("{subject} commit suicide", inflect: true) == ["commit"])
        #expect(try literals("{subject} commit suicide") == ["commit suicide"])
        // A phrase without slots keeps its literal exactly as before.
        #expect(try literals("want to die") == ["want to die"])
    }

    @Test func phrasesWithoutSlotsCompileExactlyAsBefore() throws {
        let texts = ["don't worry be happy", "self-care", "good vibes", "commit suicide", "{not a slot"]
        let parsed = try texts.map { try SlotPhrase($0, slots: SlotRegistry()) }
        for inflect in [false, true] {
            #expect(PhraseCompiler.pattern(for: parsed, inflect: inflect) == PhraseCompiler.pattern(for: texts, inflect: inflect))
            #expect(parsed.compactMap { PhraseCompiler.literals(for: $0, inflect: inflect) }.flatMap { $0 }
                == PhraseCompiler.literals(for: texts, inflect: inflect))
        }
    }

    @Test func inflectStillAppliesToPlainWords() throws {
        let linter = try makeLinter(withGrammar([
            "r.yml": ruleYAML(kind: "phrases", "phrases: [\"{subject} commit suicide\"]\ninflect: true"),
        ]))
        #expect(matches(try linter.lint(text: "she committed suicide, they commit suicide")) == ["she committed suicide", "they commit suicide"])
    }

    @Test func slotsWorkInUnlessListsAndClauses() throws {
        let linter = try makeLinter(withGrammar([
            "l.yml": "list: figurative\nphrases: [\"{adverb-gap}? laughing\", \"at {possessive} job\"]\n",
            "r.yml": ruleYAML(kind: "phrases", """
                phrases: ["{kill} {reflexive}"]
                unless:
                  - lists: [figurative]
                    after: 3
                  - phrases: ["{subject} {be} joking"]
                    scope: sentence
                """),
        ]))
        #expect(matches(try linter.lint(text: "I killed myself laughing. She kills herself at her job. We kill ourselves really laughing")) == [])
        #expect(matches(try linter.lint(text: "they're joking that he'll kill himself")) == [])
        #expect(matches(try linter.lint(text: "I want to kill myself. She killed herself.")) == ["kill myself", "killed herself"])
    }

    @Test func slotsWorkInSubstitutionsAndTriggers() throws {
        let linter = try makeLinter(withGrammar([
            "s.yml": ruleYAML(id: "t/swap", kind: "substitution", "swap:\n  \"{subject} {be} a schizo\": [has schizophrenia]"),
            "q.yml": ruleYAML(id: "t/req", kind: "requires", "trigger:\n  phrases: [\"{want-to} {die}\"]\nrequire:\n  phrases: [\"988\"]"),
        ]))
        #expect(matches(try linter.lint(text: "he's a schizo, they are a schizo")) == ["he's a schizo", "they are a schizo"])
        #expect(matches(try linter.lint(text: "she wanted to die")) == ["wanted to die"])
        #expect(try linter.lint(text: "she wanted to die, call 988").isEmpty)
    }
}

@Suite struct PhraseSlotErrorTests {
    @Test func unknownSlotNamesLineColumnAndTheClosestSlot() {
        let quoted = loadErrors(withGrammar(["r.yml": ruleYAML(kind: "phrases", "phrases: [\"{subjet} want to die\"]")]))
        #expect(quoted.map(\.description) == ["r.yml:8:12: error: unknown slot '{subjet}'; did you mean '{subject}'?"])
        let plain = loadErrors(withGrammar(["r.yml": ruleYAML(kind: "phrases", "phrases:\n  - want to {dye}")]))
        #expect(plain.map(\.description) == ["r.yml:9:13: error: unknown slot '{dye}'; did you mean '{die}'?"])
        let unless = loadErrors(withGrammar(["r.yml": ruleYAML(kind: "phrases", "phrases: [x]\nunless:\n  - phrases: ['{nope}?']")]))
        #expect(unless.map(\.description) == ["r.yml:10:16: error: unknown slot '{nope}'"])
        let list = loadErrors(withGrammar(["l.yml": "list: l\nphrases: [\"x {reflexiv}\"]\n"]))
        #expect(list.map(\.description) == ["l.yml:2:14: error: unknown slot '{reflexiv}'; did you mean '{reflexive}'?"])
    }

    @Test func slotsOnlyComeFromLoadedFiles() {
        // Like shared lists: without the built-in files (or a user's), no slot is known.
        #expect(loadErrors(["r.yml": ruleYAML(kind: "phrases", "phrases: [\"{die}\"]")]).first?.message == "unknown slot '{die}'")
    }

    @Test func aSlotMustBeAWholeWordAndAPhraseNeedsARequiredPart() {
        #expect(loadErrors(withGrammar(["r.yml": ruleYAML(kind: "phrases", "phrases: [\"x{be}\"]")])).map(\.description)
            == ["r.yml:8:13: error: slot '{be}' must stand alone as a word in 'x{be}'"])
        #expect(loadErrors(withGrammar(["r.yml": ruleYAML(kind: "phrases", "phrases: [\"{be}? {aux}?\"]")])).first?.message
            == "phrase '{be}? {aux}?' needs a word or a slot that is not optional")
        #expect(loadErrors(withGrammar(["r.yml": ruleYAML(kind: "phrases", "phrases: [\"{be}? '\"]")])).first?.message
            == "phrase '{be}? '' needs a word or a required slot whose forms all hold a letter, so the prefilter can find it")
    }

    @Test func slotFilesAreStrict() {
        #expect(loadErrors(["s.yml": "slot: a\nfroms: [x]\n"]).map(\.description)
            == ["s.yml:2:1: error: unknown key 'froms' in a slot; did you mean 'forms'?"])
        #expect(loadErrors(["s.yml": "slot: a\n"]).first?.message == "slot 'a' needs a list of 'forms'")
        #expect(loadErrors(["s.yml": "slot: A b\nforms: [x]\n"]).first?.message
            == "slot name 'A b' must be lower-case letters, digits and hyphens")
        #expect(loadErrors(["s.yml": "slot: a\nforms: [x, '{a}']\n"]).map(\.description)
            == ["s.yml:2:12: error: a form of slot 'a' cannot use another slot ('{a}')"])
        #expect(loadErrors(["s.yml": "slot: a\nforms: [x, \"'\"]\n"]).first?.message == "each form of slot 'a' needs a letter or digit")
        #expect(loadErrors(["a.yml": "slot: a\nforms: [x]\n", "b.yml": "slot: a\nforms: [y]\n"]).map(\.description)
            == ["b.yml:1:7: error: duplicate slot 'a' (also in a.yml)"])
    }
}
