/// A multi-literal prefilter: one pass of an Aho-Corasick automaton over the lower-cased text
/// finds which rules could match, so PCRE2 runs only for those. A rule whose literals are
/// unknown (`requiredLiterals == nil`) always runs.
///
/// NOTE: hand-written (a dense byte DFA, about 100 lines) because no listed package offers a
/// multi-literal matcher; it only has to say which literals occur, not where.
struct Prefilter: Sendable {
    /// Dense transitions: `transitions[state * 256 + byte]`.
    private let transitions: [Int32]
    /// For each state, the rules whose literal ends there (including via failure links).
    private let outputs: [[Int32]]
    /// Rules that run whatever the text holds.
    let alwaysRun: [Bool]
    let ruleCount: Int

    init(literalsPerRule: [[String]?]) {
        ruleCount = literalsPerRule.count
        // NOTE: texts are lower-cased in ASCII only (fast); a literal with non-ASCII letters
        // could then be missed, so its rule always runs. NFKC has already folded look-alikes
        // such as the Kelvin sign or the long s that caseless matching would also accept.
        alwaysRun = literalsPerRule.map { literals in
            guard let literals, !literals.isEmpty else { return true }
            return literals.contains { $0.isEmpty || $0.utf8.contains { $0 >= 0x80 } }
        }
        // Trie.
        var children: [[UInt8: Int32]] = [[:]]
        var output: [[Int32]] = [[]]
        for (rule, literals) in literalsPerRule.enumerated() where !alwaysRun[rule] {
            for literal in Set(literals!.map { $0.lowercased() }) {
                var state: Int32 = 0
                for byte in literal.utf8 {
                    if let next = children[Int(state)][byte] {
                        state = next
                    } else {
                        children.append([:])
                        output.append([])
                        let next = Int32(children.count - 1)
                        children[Int(state)][byte] = next
                        state = next
                    }
                }
                output[Int(state)].append(Int32(rule))
            }
        }
        // Failure links, breadth first, and the dense table.
        let count = children.count
        var table = [Int32](repeating: 0, count: count * 256)
        var failure = [Int32](repeating: 0, count: count)
        var queue: [Int32] = []
        for byte in 0..<256 {
            if let next = children[0][UInt8(byte)] {
                table[byte] = next
                queue.append(next)
            }
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head]); head += 1
            output[state] += output[Int(failure[state])]
            for byte in 0..<256 {
                if let next = children[state][UInt8(byte)] {
                    failure[Int(next)] = table[Int(failure[state]) * 256 + byte]
                    table[state * 256 + byte] = next
                    queue.append(next)
                } else {
                    table[state * 256 + byte] = table[Int(failure[state]) * 256 + byte]
                }
            }
        }
        transitions = table
        outputs = output.map { Array(Set($0)).sorted() }
    }

    /// Which rules to run on `texts` (already lower-cased).
    func candidates(_ texts: [[UInt8]]) -> [Bool] {
        var selected = alwaysRun
        for text in texts {
            var state = 0
            text.withUnsafeBufferPointer { bytes in
                transitions.withUnsafeBufferPointer { table in
                    for byte in bytes {
                        state = Int(table[state * 256 + Int(byte)])
                        if !outputs[state].isEmpty {
                            for rule in outputs[state] { selected[Int(rule)] = true }
                        }
                    }
                }
            }
        }
        return selected
    }

    /// ASCII lower case, each run of whitespace as one space (phrase literals hold single
    /// spaces while phrases match any run); other bytes unchanged.
    static func lowercased(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lastWasSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Whitespace PCRE2's \s matches that NFKC leaves as it is: ASCII, NEL, U+2028, U+2029.
            var spaceLength = 0
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                spaceLength = 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                spaceLength = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                spaceLength = 3
            }
            if spaceLength > 0 {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
                index += spaceLength
                continue
            } else {
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                lastWasSpace = false
            }
            index += 1
        }
        return out
    }
}
