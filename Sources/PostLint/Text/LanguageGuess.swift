/// A cheap guess of a post's language from its function words, so that posts in another
/// language are counted as "not linted" instead of being matched by English rules (a Spanish
/// football report saying "suicidio", a French review saying "suicide").
///
/// NOTE: hand-written because no listed package detects languages, and it runs on every post
/// of an export: it reads at most the first 400 bytes, packs each short word into a `UInt64`
/// and looks it up in a small open-addressing table (no allocation). It is deliberately
/// conservative: a post counts as another language only with at least three of that
/// language's function words and at most a third as many English ones, so short or mixed
/// posts stay English and are linted (a missed crisis post costs more than a false alarm).
enum LanguageGuess {
    /// The language of `bytes` (`"en"` when unsure), as an ISO 639-1 code.
    static func language(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        // One bit per table slot: each function word counts once, however often it occurs.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Table.size / 64) { seen in
            seen.initialize(repeating: 0)
            return language(of: bytes, seen: seen)
        }
    }

    private static func language(of bytes: UnsafeBufferPointer<UInt8>, seen: UnsafeMutableBufferPointer<UInt64>) -> String {
        // Distinct function words per language: en, es, de, fr, pt, it, nl.
        var en = 0, es = 0, de = 0, fr = 0, pt = 0, it = 0, nl = 0
        var word: UInt64 = 0, length = 0, words = 0
        let end = min(bytes.count, 400)
        var index = 0
        while index <= end {
            var byte: UInt8 = index < end ? bytes[index] : 0x20
            index += 1
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 || byte == 0x27 {
                if length < 8 { word |= UInt64(byte) << (8 * UInt64(length)) }
                length += 1
                continue
            }
            guard length > 0 else { continue }
            words += 1
            defer { word = 0; length = 0 }
            guard length <= 8, let (slot, mask) = table.lookup(word) else { continue }
            let bit: UInt64 = 1 << UInt64(slot & 63)
            guard seen[slot >> 6] & bit == 0 else { continue }
            seen[slot >> 6] |= bit
            if mask & 0x01 != 0 { en += 1 }
            if mask & 0x02 != 0 { es += 1 }
            if mask & 0x04 != 0 { de += 1 }
            if mask & 0x08 != 0 { fr += 1 }
            if mask & 0x10 != 0 { pt += 1 }
            if mask & 0x20 != 0 { it += 1 }
            if mask & 0x40 != 0 { nl += 1 }
            // Clearly English: stop early (most posts).
            let other = max(es, de, fr, pt, it, nl)
            if en >= 2 && (other == 0 || (en >= 3 && en > 2 * other)) { return "en" }
        }
        let others = [("es", es), ("de", de), ("fr", fr), ("pt", pt), ("it", it), ("nl", nl)]
        guard let best = others.max(by: { $0.1 < $1.1 }) else { return "en" }
        // Three distinct function words and few English ones; or, in a post of eight words or
        // more, two and no English function word at all.
        if best.1 >= 3 && en * 3 <= best.1 { return best.0 }
        if best.1 >= 2 && en == 0 && words >= 8 { return best.0 }
        return "en"
    }

    static func language(of text: String) -> String {
        var copy = text
        return copy.withUTF8 { language(of: $0) }
    }

    // MARK: - Word table

    /// Function words, each with the languages it is common in (bit 0 en, 1 es, 2 de, 3 fr,
    /// 4 pt, 5 it, 6 nl). Words frequent in English text are left out of the other lists.
    static let words: [(String, UInt8)] = {
        var masks: [String: UInt8] = [:]
        func add(_ bit: UInt8, _ list: String) { for word in list.split(separator: " ") { masks[String(word), default: 0] |= bit } }
        add(0x01, "the and is are was were to of you your it that this with for have has just not but what all i'm im my me so be can don't dont like it's its on at they we he she his her them would will about get got when if or from how")
        add(0x02, "el la los las que del una un en por para con pero muy más mas está esta es lo le se sus su como porque cuando también yo mi tu sí hay este esa ese eso fue son al ya nos hoy quién quien qué")
        add(0x04, "der die das und ist nicht ich ein eine einer einen zu zum zur vom mit auf den dem des sich auch wir sie mein nach bei aus wenn noch über oder aber dass war hat haben wird werden nur sehr schon kein keine gegen bis unter sein seine ihre wie sind vor mehr dann jetzt")
        add(0x08, "le la les des et est une un en pas je il elle nous vous avec pour dans qui sur du au ce cette mon ma très mais sont été aux quel")
        add(0x10, "não uma com os da do em muito mas eu você isso ela ele são também já")
        add(0x20, "il che di non una per sono della gli è anche ma questo molto nel alla")
        add(0x40, "het een niet van ik dat zijn met voor ook maar wat heb nog bij")
        return masks.map { ($0.key, $0.value) }
    }()

    /// Open addressing over packed words: 1,024 slots for about 250 words.
    struct Table {
        static let size = 1024
        var keys = [UInt64](repeating: 0, count: size)
        var masks = [UInt8](repeating: 0, count: size)

        init(_ entries: [(String, UInt8)]) {
            for (word, mask) in entries {
                let bytes = Array(word.utf8)
                guard bytes.count <= 8 else { continue }
                var key: UInt64 = 0
                for (position, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(position)) }
                var slot = Self.slot(key)
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & 1023 }
                keys[slot] = key
                masks[slot] |= mask
            }
        }

        static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) }

        /// The word's slot and language bits, or nil when it is not a listed word.
        func lookup(_ key: UInt64) -> (Int, UInt8)? {
            var slot = Self.slot(key)
            while true {
                let found = keys[slot]
                if found == key { return (slot, masks[slot]) }
                if found == 0 { return nil }
                slot = (slot + 1) & 1023
            }
        }
    }

    static let table = Table(words)
}
