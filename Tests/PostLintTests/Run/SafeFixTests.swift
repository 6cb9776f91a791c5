@testable import PostLint
import Testing

/// Issue 12, point 2: a fix is applied only where the sentence uses the phrase, never where it
/// quotes or reports it (a second guard behind the rules' own reported-speech exceptions).
@Suite struct SafeFixTests {
    func mention(_ text: String, _ phrase: String) -> Bool {
        let bytes = Array(text.utf8)
        let start = text.utf8.count - text[text.range(of: phrase)!.lowerBound...].utf8.count
        return Fixer.isMention(start..<(start + phrase.utf8.count), in: bytes)
    }

    @Test func reportedAndQuotedPhrasesAreMentions() {
        #expect(mention("They tell you to just think positive. Please do not.", "just think positive"))
        #expect(mention("Stop saying committed suicide, please.", "committed suicide"))
        #expect(mention("The headline read \"man committed suicide\" and it hurt.", "committed suicide"))
        #expect(mention("Words like nuthouse hurt.", "nuthouse"))
    }

    @Test func usesAreNotMentions() {
        #expect(!mention("My uncle committed suicide when I was twelve.", "committed suicide"))
        #expect(!mention("He said it was fine. My uncle committed suicide.", "committed suicide"))
        #expect(!mention("Saw my shrink today.", "my shrink"))
    }
}
