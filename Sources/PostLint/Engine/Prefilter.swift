import Vectorscan

/// The multi-literal prefilter on Vectorscan: one literal database holds every rule's and
/// matcher's literals, folded (ASCII lower case, a run of whitespace as one space). A text is
/// folded the same way into the worker's buffer (in the same pass, whether some token mixes
/// letters with digits, `$` or `@`), then one vectorised scan says which slots' literals occur.
/// A slot whose literals are unknown (`nil`), empty or not ASCII always runs.
///
/// It replaced a hand-written Aho-Corasick automaton (a byte DFA): on the same 3,638 literals
/// and 200,000 posts, the automaton took 17.9% of postlint's CPU samples and this 13.2%
/// (Benchmarks/results/2026-12-02-throughput.md).
struct Prefilter: Sendable {
    private let database: Database
    /// The slots each literal marks: `slots[starts[id]..<starts[id + 1]]`.
    private let starts: [Int32]
    private let slots: [Int32]
    /// Slots that run whatever the text holds.
    let alwaysRun: [Bool]
    let ruleCount: Int
    /// Whether some slot always runs.
    let alwaysRunsSome: Bool
    /// The distinct folded literals in the database, by id.
    let literals: [[UInt8]]

    /// The folded byte for each input byte: ASCII upper case to lower case, ASCII whitespace
    /// to a space.
    static let fold: [UInt8] = (0...255).map { byte in
        if byte >= 0x41 && byte <= 0x5A { return UInt8(byte | 0x20) }
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 0x20 }
        return UInt8(byte)
    }
    private static let space: UInt8 = 0x20

    init(literalsPerRule: [[String]?]) {
        ruleCount = literalsPerRule.count
        // NOTE: texts are lower-cased in ASCII only (fast); a literal with non-ASCII letters
        // could then be missed, so its slot always runs. NFKC has already folded look-alikes
        // such as the Kelvin sign or the long s that caseless matching would also accept.
        alwaysRun = literalsPerRule.map { literals in
            guard let literals, !literals.isEmpty else { return true }
            return literals.contains { $0.isEmpty || $0.utf8.contains { $0 >= 0x80 } }
        }
        alwaysRunsSome = alwaysRun.contains(true)
        // One literal per distinct folded form, with every slot it marks.
        var slotsOf: [[UInt8]: [Int32]] = [:]
        var order: [[UInt8]] = []
        for (slot, literals) in literalsPerRule.enumerated() where !alwaysRun[slot] {
            for literal in Set(literals!.map(Prefilter.folded)) where !literal.isEmpty {
                if slotsOf[literal] == nil { order.append(literal) }
                slotsOf[literal, default: []].append(Int32(slot))
            }
        }
        var literals: [Literal] = []
        var starts: [Int32] = [0]
        var slots: [Int32] = []
        for (id, literal) in order.enumerated() {
            literals.append(Literal(literal, id: UInt32(id), flags: [.singleMatch]))
            slots += slotsOf[literal]!
            starts.append(Int32(slots.count))
        }
        // NOTE: Vectorscan refuses an empty database; when no slot has literals, one that no
        // folded text can hold (upper-case letters, which folding lowers) keeps it valid.
        if literals.isEmpty { literals.append(Literal([0x41, 0x41], id: 0, flags: [.singleMatch])) }
        self.literals = order
        do {
            database = try Database(literals: literals)
        } catch {
            preconditionFailure("the prefilter's literals do not compile: \(error)")  // literals cannot fail to compile
        }
        self.starts = starts
        self.slots = slots
    }

    /// A literal folded as texts are: lower case, each run of whitespace one space.
    static func folded(_ literal: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in literal.lowercased().utf8.map({ fold[Int($0)] }) where !(byte == space && bytes.last == space) {
            bytes.append(byte)
        }
        return bytes
    }

    /// A scratch for one worker (never shared between threads).
    func makeScratch() -> PrefilterScratch {
        do {
            return PrefilterScratch(scan: try ScanScratch(for: database))
        } catch {
            preconditionFailure("Vectorscan could not allocate scratch: \(error)")  // out of memory
        }
    }

    /// Marks in `selected` the slots whose literals occur in `text` (normalised, not yet
    /// folded); returns whether it marked any. `obfuscated` is set to whether some token mixes
    /// letters with digits, `$` or `@` (`Normalizer.hasObfuscatedToken`).
    @discardableResult
    func mark(_ text: UnsafeBufferPointer<UInt8>, scratch: PrefilterScratch, in selected: inout [Bool],
              obfuscated: UnsafeMutablePointer<Bool>? = nil) -> Bool {
        let mixed = Prefilter.fold(text, into: &scratch.folded)
        obfuscated?.pointee = mixed.obfuscated
        var marked = false
        let count = mixed.count
        scratch.folded.withUnsafeBufferPointer { folded in
        starts.withUnsafeBufferPointer { starts in
        slots.withUnsafeBufferPointer { slots in
        selected.withUnsafeMutableBufferPointer { selected in
            do {
                try database.scan(UnsafeBufferPointer(rebasing: folded[0..<count]), scratch: scratch.scan) { match in
                    let id = Int(match.id)
                    guard id + 1 < starts.count else { return true }  // the placeholder literal
                    for index in Int(starts[id])..<Int(starts[id + 1]) { selected[Int(slots[index])] = true }
                    marked = true
                    return true
                }
            } catch {
                // NOTE: a scan fails only on a bad database or scratch (a programming error),
                // never because of the text; run every slot rather than skip one.
                for index in selected.indices { selected[index] = true }
                marked = true
            }
        }}}}
        return marked
    }

    /// Folds `text` into `buffer` (which only grows): ASCII lower case, each run of whitespace
    /// (and NEL, U+2028, U+2029, U+1680, which PCRE2's `\s` matches and NFKC keeps) as one
    /// space. Returns the folded length and whether some token mixes letters with digits,
    /// `$` or `@`.
    static func fold(_ text: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) -> (count: Int, obfuscated: Bool) {
        if buffer.count < text.count { buffer = [UInt8](repeating: 0, count: max(text.count, buffer.count * 2)) }
        var written = 0
        var token: UInt8 = 0
        var mixed = false
        let count = text.count
        fold.withUnsafeBufferPointer { fold in
        Normalizer.tokenKind.withUnsafeBufferPointer { tokenKind in
        buffer.withUnsafeMutableBufferPointer { out in
            var lastWasSpace = false
            var index = 0
            while index < count {
                let byte = text[index]
                var folded = fold[Int(byte)]
                index += 1
                let bits = tokenKind[Int(byte)]
                token = (token | bits) & (bits == 0 ? 0 : 3)
                mixed = mixed || token == 3
                if byte >= 0xC2 {
                    if byte == 0xC2, index < count, text[index] == 0x85 {
                        folded = space
                        index += 1
                    } else if byte == 0xE2, index + 1 < count, text[index] == 0x80, text[index + 1] == 0xA8 || text[index + 1] == 0xA9 {
                        folded = space
                        index += 2
                    } else if byte == 0xE1, index + 1 < count, text[index] == 0x9A, text[index + 1] == 0x80 {
                        folded = space
                        index += 2
                    }
                }
                if folded == space {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                out[written] = folded
                written += 1
            }
        }}}
        return (written, mixed)
    }

    /// Which slots to run on `texts` (normalised, not yet folded).
    func candidates(_ texts: [[UInt8]], scratch: PrefilterScratch) -> [Bool] {
        var selected = alwaysRun
        for text in texts { text.withUnsafeBufferPointer { _ = mark($0, scratch: scratch, in: &selected) } }
        return selected
    }
}

/// One worker's prefilter state: Vectorscan's scratch and the buffer a text is folded into.
/// Never shared between threads.
final class PrefilterScratch {
    let scan: ScanScratch
    var folded: [UInt8] = []

    init(scan: ScanScratch) { self.scan = scan }
}
