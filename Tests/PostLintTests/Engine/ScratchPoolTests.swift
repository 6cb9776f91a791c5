import Foundation
import PostLint
import Testing

/// `Linter.lint(_:)` borrows a reusable scratch from the linter's pool (what the servers call,
/// from many threads at once): findings must not depend on which scratch a call gets, on what
/// the scratch held before, or on how many calls run together.
@Suite struct ScratchPoolTests {
    static let texts = [
        "Good vibes only! 🌈 Everything happens for a reason.",
        "Nothing to see here, just a walk in the park.",
        "He committed suicide last year.\r\nStop suffering from depression, it's all in your head.",
        String(repeating: "A long clean paragraph about the weather and the garden. ", count: 400),
        "This supplement cures anxiety, studies show. Good vibes only.",
    ]

    @Test func concurrentCallsGiveTheSameFindingsAsOneAtATime() async throws {
        let linter = try Linter()
        let expected = Self.texts.map { linter.lint(Document(text: $0, format: .text)).findings }
        #expect(expected.contains { !$0.isEmpty } && expected.contains { $0.isEmpty })
        // 64 concurrent calls, each text many times in interleaved order.
        let results = await withTaskGroup(of: (Int, [Finding]).self) { group in
            for call in 0..<320 {
                group.addTask {
                    let index = (call * 7) % Self.texts.count
                    return (index, linter.lint(Document(text: Self.texts[index], format: .text)).findings)
                }
            }
            var all: [(Int, [Finding])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 320)
        for (index, findings) in results {
            #expect(findings == expected[index], "text \(index)")
        }
    }
}
