/// Turns plain phrases, as rule authors write them, into one PCRE2 pattern: caseless, on word
/// boundaries, tolerant of runs of whitespace, curly or straight apostrophes and quotes, and
/// hyphen-or-space, with simple English inflections when asked.
enum PhraseCompiler {
    /// One alternation for all phrases, longest first so the longest phrase wins at a position.
    static func pattern(for phrases: [String], inflect: Bool) -> String {
        let sorted = phrases.sorted { ($0.count, $0) > ($1.count, $1) }
        return "(?:" + sorted.map { pattern(for: $0, inflect: inflect) }.joined(separator: "|") + ")"
    }

    /// The pattern for one phrase.
    static func pattern(for phrase: String, inflect: Bool) -> String {
        let words = phrase.split(whitespaces: true)
        guard !words.isEmpty else { return "(?!)" }
        var body = words.map { word(String($0), inflect: inflect) }.joined(separator: "\\s+")
        if let first = phrase.unicodeScalars.first, isWordScalar(first) { body = "(?<![\\p{L}\\p{N}_])" + body }
        if let last = phrase.unicodeScalars.last, isWordScalar(last) || inflect { body += "(?![\\p{L}\\p{N}_])" }
        return body
    }

    /// For each phrase, a lower-cased literal every match of it contains, for the prefilter:
    /// the longest run of plain words (letters and digits only, joined by one space, as the
    /// prefilter collapses whitespace), so "want to die" stays specific. Words with an
    /// apostrophe, hyphen or quote end a run (they match several spellings); with `inflect`,
    /// a word contributes only its stem, alone.
    static func literals(for phrases: [String], inflect: Bool = false) -> [String] {
        phrases.compactMap { phrase in
            var best = "", run: [String] = []
            func consider(_ candidate: String) { if candidate.count > best.count { best = candidate } }
            for word in phrase.lowercased().split(whitespaces: true).map(String.init) {
                let plain = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                if inflect {
                    consider(stem(word))
                    continue
                }
                if plain {
                    run.append(word)
                    consider(run.joined(separator: " "))
                } else {
                    // Every match still holds the word's longest piece between characters that
                    // match several spellings ("harm" of "self-harm"; "s*icide" whole, as `*` is literal).
                    let pieces = word.unicodeScalars.split { widened.contains($0) }.map { String(String.UnicodeScalarView($0)) }
                    // Ties go to the later piece: "harm" of "self-harm" is rarer than "self".
                    consider(pieces.reduce("") { $1.count >= $0.count ? $1 : $0 })
                    run = []
                }
            }
            return best.isEmpty ? nil : best
        }
    }

    /// The part of a word that every inflected form keeps (see `word(_:inflect:)`).
    static func stem(_ word: String) -> String {
        let plain = String(word.unicodeScalars.prefix { isWordScalar($0) })
        guard plain.count >= 3 else { return plain }
        if plain.hasSuffix("e") || (plain.hasSuffix("y") && plain.count > 1) { return String(plain.dropLast()) }
        return plain
    }

    /// The apostrophes `escape(_:)` treats as one.
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]

    /// Characters `escape(_:)` widens to several spellings (so a literal cannot hold them).
    static let widened: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\"", "\u{201C}", "\u{201D}", "-", "\u{2010}", "\u{2011}", "\u{2013}"]

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }

    static func word(_ word: String, inflect: Bool) -> String {
        let letters = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
        guard inflect, letters, word.count >= 3 else { return escape(word) }
        let lower = word.lowercased()
        if lower.hasSuffix("e") {
            // cure → cures, cured, curing
            return escape(String(word.dropLast())) + "(?:e|es|ed|ing)"
        }
        if lower.hasSuffix("y"), let beforeY = lower.dropLast().last, !"aeiou".contains(beforeY) {
            // cry → cries, cried, crying
            return escape(String(word.dropLast())) + "(?:y|ies|ied|ying)"
        }
        // commit → commits, committed, committing; heal → heals, healed, healing
        let last = escape(String(word.last!))
        return escape(word) + "(?:s|es|ed|ing|\(last)ed|\(last)ing)?"
    }

    /// Escapes regex syntax and widens apostrophes, quotes and hyphens.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`": out += "['\u{2019}\u{2018}\u{02BC}`]"
            case "\"", "\u{201C}", "\u{201D}": out += "[\"\u{201C}\u{201D}]"
            case "-", "\u{2010}", "\u{2011}", "\u{2013}": out += "[-\u{2010}\u{2011}\u{2013}\\s]?"
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "#", "/":
                out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    func split(whitespaces: Bool) -> [Substring] {
        split(whereSeparator: { $0.isWhitespace })
    }
}
