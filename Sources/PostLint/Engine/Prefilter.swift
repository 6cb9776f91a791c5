/// A multi-literal prefilter: one pass of an Aho-Corasick automaton over a text, lower-cased in
/// ASCII with each run of whitespace read as one space, finds which rules could match, so
/// PCRE2 runs only for those. A rule whose literals are unknown (`requiredLiterals == nil`)
/// always runs.
///
/// NOTE: hand-written (a byte DFA over a compressed alphabet, about 150 lines) because no listed
/// package offers a multi-literal matcher; it only has to say which literals occur, not where.
struct Prefilter: Sendable {
    /// The folded byte for each input byte: ASCII upper case to lower case, ASCII whitespace
    /// to a space.
    static let fold: [UInt8] = (0...255).map { byte in
        if byte >= 0x41 && byte <= 0x5A { return UInt8(byte | 0x20) }
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 0x20 }
        return UInt8(byte)
    }
    private static let space: UInt8 = 0x20

    /// The alphabet class of each folded byte: bytes that occur in some literal have their own
    /// class, all others share class 0 (so the table has a few dozen columns, not 256).
    private let classOf: [UInt8]
    private let classCount: Int
    private let spaceClass: UInt8
    /// Dense transitions, `transitions[state * classCount + class]`: the next state, with the
    /// top bit set when rules' literals end there (one table load per byte).
    private let transitions: [UInt32]
    private static let outputFlag: UInt32 = 1 << 31
    /// The rules whose literal ends at each state (including via failure links):
    /// `outputRules[outputStart[state]..<outputStart[state + 1]]`.
    private let outputStart: [Int32]
    private let outputRules: [Int32]
    /// Rules that run whatever the text holds.
    let alwaysRun: [Bool]
    let ruleCount: Int
    /// Whether some rule always runs.
    let alwaysRunsSome: Bool

    init(literalsPerRule: [[String]?]) {
        ruleCount = literalsPerRule.count
        // NOTE: texts are lower-cased in ASCII only (fast); a literal with non-ASCII letters
        // could then be missed, so its rule always runs. NFKC has already folded look-alikes
        // such as the Kelvin sign or the long s that caseless matching would also accept.
        alwaysRun = literalsPerRule.map { literals in
            guard let literals, !literals.isEmpty else { return true }
            return literals.contains { $0.isEmpty || $0.utf8.contains { $0 >= 0x80 } }
        }
        alwaysRunsSome = alwaysRun.contains(true)
        // Literals as folded bytes (a literal's own whitespace is folded like the text's).
        var literalBytes: [(rule: Int, bytes: [UInt8])] = []
        for (rule, literals) in literalsPerRule.enumerated() where !alwaysRun[rule] {
            for literal in Set(literals!.map { $0.lowercased() }) {
                var bytes: [UInt8] = []
                for byte in literal.utf8.map({ Prefilter.fold[Int($0)] }) where !(byte == Prefilter.space && bytes.last == Prefilter.space) {
                    bytes.append(byte)
                }
                literalBytes.append((rule, bytes))
            }
        }
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for byte in Set(literalBytes.flatMap(\.bytes)).sorted() {
            classes[Int(byte)] = UInt8(count)
            count += 1
        }
        // Upper-case letters fold to lower case before classification; give them the same class.
        for byte in 0..<256 { classes[byte] = classes[Int(Prefilter.fold[byte])] }
        classOf = classes
        classCount = count
        spaceClass = classes[Int(Prefilter.space)]

        // Trie.
        var children: [[Int32: Int32]] = [[:]]
        var output: [[Int32]] = [[]]
        for (rule, bytes) in literalBytes {
            var state: Int32 = 0
            for byte in bytes {
                let symbol = Int32(classes[Int(byte)])
                if let next = children[Int(state)][symbol] {
                    state = next
                } else {
                    children.append([:])
                    output.append([])
                    let next = Int32(children.count - 1)
                    children[Int(state)][symbol] = next
                    state = next
                }
            }
            output[Int(state)].append(Int32(rule))
        }
        // Failure links, breadth first, and the dense table.
        let states = children.count
        var table = [Int32](repeating: 0, count: states * count)
        var failure = [Int32](repeating: 0, count: states)
        var queue: [Int32] = []
        for symbol in 0..<count {
            if let next = children[0][Int32(symbol)] {
                table[symbol] = next
                queue.append(next)
            }
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head]); head += 1
            output[state] += output[Int(failure[state])]
            for symbol in 0..<count {
                if let next = children[state][Int32(symbol)] {
                    failure[Int(next)] = table[Int(failure[state]) * count + symbol]
                    table[state * count + symbol] = next
                    queue.append(next)
                } else {
                    table[state * count + symbol] = table[Int(failure[state]) * count + symbol]
                }
            }
        }
        transitions = table.map { next in
            UInt32(next) | (output[Int(next)].isEmpty ? 0 : Prefilter.outputFlag)
        }
        var starts: [Int32] = [0]
        var rules: [Int32] = []
        for state in 0..<states {
            rules += Array(Set(output[state])).sorted()
            starts.append(Int32(rules.count))
        }
        outputStart = starts
        outputRules = rules
    }

    /// Marks in `selected` the rules whose literals occur in `text` (normalised, not yet
    /// folded); returns whether it marked any. `selected` must hold `ruleCount` flags.
    @discardableResult
    func mark(_ text: UnsafeBufferPointer<UInt8>, in selected: inout [Bool]) -> Bool {
        mark(text, in: &selected, obfuscated: nil)
    }

    /// `mark`, and in the same pass whether some token of `text` mixes letters with digits,
    /// `$` or `@` (`Normalizer.hasObfuscatedToken`), so the de-obfuscated text is made only
    /// when it differs.
    func mark(_ text: UnsafeBufferPointer<UInt8>, in selected: inout [Bool], obfuscated: UnsafeMutablePointer<Bool>?) -> Bool {
        let flag = Prefilter.outputFlag
        var marked = false
        // Token state for the obfuscation check: 1 letter seen, 2 digit or symbol seen.
        var token: UInt8 = 0
        var mixed = false
        var state = 0
        var lastWasSpace = false
        let count = text.count
        let classCount = self.classCount, spaceClass = self.spaceClass
        Normalizer.tokenKind.withUnsafeBufferPointer { tokenKind in
        transitions.withUnsafeBufferPointer { table in
        classOf.withUnsafeBufferPointer { classOf in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputRules.withUnsafeBufferPointer { outputRules in
        selected.withUnsafeMutableBufferPointer { selected in
            var index = 0
            while index < count {
                let byte = text[index]
                var symbol = classOf[Int(byte)]
                index += 1
                let bits = tokenKind[Int(byte)]
                token = (token | bits) & (bits == 0 ? 0 : 3)
                mixed = mixed || token == 3
                if byte >= 0xC2 {
                    // Whitespace PCRE2's \s matches that NFKC leaves as it is: NEL, U+2028,
                    // U+2029 and the Ogham space mark U+1680.
                    if byte == 0xC2, index < count, text[index] == 0x85 {
                        symbol = spaceClass
                        index += 1
                    } else if byte == 0xE2, index + 1 < count, text[index] == 0x80, text[index + 1] == 0xA8 || text[index + 1] == 0xA9 {
                        symbol = spaceClass
                        index += 2
                    } else if byte == 0xE1, index + 1 < count, text[index] == 0x9A, text[index + 1] == 0x80 {
                        symbol = spaceClass
                        index += 2
                    }
                }
                if symbol == spaceClass {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                let next = table[state * classCount + Int(symbol)]
                state = Int(next & ~flag)
                if next & flag != 0 {
                    for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                        selected[Int(outputRules[output])] = true
                    }
                    marked = true
                }
            }
        }}}}}}
        obfuscated?.pointee = mixed
        return marked
    }

    /// Which rules to run on `texts` (normalised, not yet folded).
    func candidates(_ texts: [[UInt8]]) -> [Bool] {
        var selected = alwaysRun
        for text in texts { text.withUnsafeBufferPointer { _ = mark($0, in: &selected) } }
        return selected
    }
}
