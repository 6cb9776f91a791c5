import PostLint
import Testing

@Suite struct BundledRulesTests {
    @Test func everyBundledExamplePassesInEveryVariant() throws {
        let linter = try Linter()
        let result = ExampleRunner(linter: linter).run()
        #expect(result.failures.isEmpty, "\(result.failures.map(\.description).joined(separator: "\n"))")
        #expect(result.rules == linter.rules.count)
        #expect(result.examples >= linter.rules.count * 2)
    }

    @Test func everyPackHasAtLeastThreeRulesAndEveryKindIsUsed() throws {
        let rules = try Linter().rules
        let packs = Dictionary(grouping: rules) { String($0.id.split(separator: "/")[0]) }
        for pack in ["misinformation", "toxic-positivity", "crisis-resources", "safe-messaging", "stigma"] {
            #expect((packs[pack]?.count ?? 0) >= 3, "pack \(pack)")
        }
        #expect(Set(rules.map(\.kind)) == ["pattern", "phrases", "substitution", "requires"])
    }

    @Test func everyRuleHasSourcesExamplesAndAnExplanation() throws {
        for rule in try Linter().rules {
            #expect(rule.sources.allSatisfy { $0.hasPrefix("https://") }, "\(rule.id)")
            #expect(!rule.examples.bad.isEmpty && !rule.examples.good.isEmpty, "\(rule.id)")
            #expect(!rule.explanation.isEmpty, "\(rule.id)")
            #expect(rule.file.hasPrefix("Rules/\(rule.id.split(separator: "/")[0])/"), "\(rule.id) in \(rule.file)")
        }
    }
}
