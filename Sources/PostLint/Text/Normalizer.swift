import Foundation

/// Normalises a projection before matching, keeping the map back to the input:
/// - Unicode compatibility folding (NFKC) of non-ASCII scalars: fullwidth letters, ligatures;
/// - zero-width characters and soft hyphens are dropped;
/// - HTML entities (`&amp;`, `&#39;`, `&rsquo;`…) are decoded;
/// - hashtags are split into words at case and digit changes (`#GoodVibesOnly` → `Good Vibes Only`).
///
/// `foldObfuscation` gives the same text with digits and symbols used as letters read as
/// letters (`su1c1de` → `suicide`), for rules that opt in; it keeps every offset.
///
/// NOTE: hand-written because the mapping must follow every scalar back to the input;
/// Foundation supplies the NFKC tables.
enum Normalizer {
    static func normalize(_ input: ProjectedText) -> ProjectedText {
        var output = ProjectedText()
        input.forEachPiece(run: { run, bytes in
            if run.isCopy {
                normalize(bytes, from: run.source, into: &output)
            } else {
                output.appendReplacement(Array(bytes), for: run.source..<(run.source + run.sourceLength))
            }
        }, separator: { bytes in
            output.appendSeparator(String(decoding: bytes, as: UTF8.self))
        })
        return output
    }

    /// The normalised bytes of a whole plain text, without the offset map: exactly
    /// `normalize(ProjectedText(wholeOf: bytes)).bytes`, written into a reused buffer (the
    /// prefilter's fast path, which must see what the rules would see).
    static func normalizedBytes(of bytes: ArraySlice<UInt8>, into buffer: inout [UInt8]) {
        var sink = ByteSink(bytes: buffer)
        buffer = []
        sink.bytes.removeAll(keepingCapacity: true)
        normalize(bytes, from: 0, into: &sink)
        buffer = sink.bytes
    }

    private static func normalize<Sink: ProjectionSink>(_ bytes: ArraySlice<UInt8>, from source: Int, into output: inout Sink) {
        var index = bytes.startIndex
        var copyStart = index  // start of pending bytes copied unchanged
        func flush(_ end: Int) {
            if copyStart < end { output.appendCopy(bytes[copyStart..<end], at: source + (copyStart - bytes.startIndex)) }
        }
        func offset(_ i: Int) -> Int { source + (i - bytes.startIndex) }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (decoded, length) = HTMLEntity.decode(bytes, at: index) {
                flush(index)
                output.appendReplacement(decoded, for: offset(index)..<offset(index + length))
                index += length
                copyStart = index
            } else if byte == UInt8(ascii: "#"), let end = Hashtag.end(bytes, at: index) {
                flush(index)
                Hashtag.appendSplit(bytes[(index + 1)..<end], from: offset(index + 1), into: &output)
                index = end
                copyStart = index
            } else if byte >= 0x80 {
                let length = scalarLength(byte)
                let end = min(index + length, bytes.endIndex)
                let scalarBytes = bytes[index..<end]
                if scalarBytes.count == length, let scalar = decodeScalar(scalarBytes) {
                    if invisible.contains(scalar.value) {
                        flush(index)
                        copyStart = end
                    } else if let folded = fold(scalar) {
                        flush(index)
                        output.appendReplacement(folded, for: offset(index)..<offset(end))
                        copyStart = end
                    }
                }
                index = end
            } else {
                index += 1
            }
        }
        flush(bytes.endIndex)
    }

    /// Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, Mongolian vowel separator.
    static let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E]

    /// The NFKC form of a scalar when it differs (fullwidth `Ｓ` → `S`, `ﬁ` → `fi`), else nil.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let value = scalar.value
        // Fast exits for the common non-ASCII ranges that NFKC leaves alone (accented Latin,
        // most punctuation, emoji).
        if value < 0x00A0 || (0x00C0...0x017F).contains(value) || (0x2010...0x2027).contains(value)
            || value >= 0x1F000 || (0xFE00...0xFE0F).contains(value) { return nil }
        // A scalar that NFKC-casefolding leaves alone is left alone by NFKC (a property lookup,
        // far cheaper than normalising; a test checks the two agree on every scalar).
        if !scalar.properties.changesWhenNFKCCaseFolded { return nil }
        return slowFold(scalar)
    }

    /// `fold` without its fast exits.
    static func slowFold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let original = String(scalar)
        let folded = original.precomposedStringWithCompatibilityMapping
        return folded == original ? nil : Array(folded.utf8)
    }

    /// The scalar of one complete UTF-8 sequence (lead byte and continuation bytes), decoded
    /// in place (this runs for every non-ASCII character of every post); nil if malformed.
    static func decodeScalar(_ sequence: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard let lead = sequence.first else { return nil }
        var value: UInt32
        switch sequence.count {
        case 2: value = UInt32(lead & 0x1F)
        case 3: value = UInt32(lead & 0x0F)
        case 4: value = UInt32(lead & 0x07)
        default: return nil
        }
        for byte in sequence.dropFirst() {
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    /// Digits and symbols read as letters, only inside tokens that also hold a letter, so
    /// numbers such as "988" or "13 11 14" stay numbers.
    static func foldObfuscation(_ bytes: [UInt8]) -> [UInt8] {
        guard hasObfuscatedToken(bytes) else { return bytes }
        var folded: [UInt8] = []
        foldObfuscation(bytes, into: &folded)
        return folded
    }

    /// Whether some token holds a letter and a digit, `$` or `@` (only those tokens fold).
    static func hasObfuscatedToken(_ bytes: [UInt8]) -> Bool {
        // One table load and two bit operations per byte: the state keeps "letter seen" (1)
        // and "digit or symbol seen" (2) within the current token; a separator clears both.
        tokenKind.withUnsafeBufferPointer { kind in
            bytes.withUnsafeBufferPointer { bytes in
                var state: UInt8 = 0
                for byte in bytes {
                    let bits = kind[Int(byte)]
                    state = (state | bits) & (bits == 0 ? 0 : 3)
                    if state == 3 { return true }
                }
                return false
            }
        }
    }

    /// For each byte: 1 for an ASCII letter, 2 for a digit, `$` or `@`, 0 for a separator.
    static let tokenKind: [UInt8] = (0...255).map { byte in
        let lower = UInt8(byte) | 0x20
        if lower >= 0x61 && lower <= 0x7A { return 1 }
        if (0x30...0x39).contains(byte) || byte == Int(UInt8(ascii: "$")) || byte == Int(UInt8(ascii: "@")) { return 2 }
        return 0
    }

    /// `foldObfuscation` written into a reused buffer (the caller knows the text has an
    /// obfuscated token: `hasObfuscatedToken`, or the prefilter's pass).
    static func foldObfuscation(_ bytes: [UInt8], into folded: inout [UInt8]) {
        folded.removeAll(keepingCapacity: true)
        folded.append(contentsOf: bytes)
        var tokenStart = 0
        var token: UInt8 = 0
        for index in 0...bytes.count {
            let bits = index < bytes.count ? tokenKind[Int(bytes[index])] : 0
            if bits != 0 {
                token |= bits
                continue
            }
            // Digits and symbols are read as letters only inside tokens that also hold a letter.
            if token == 3 {
                for i in tokenStart..<index {
                    switch bytes[i] {
                    case UInt8(ascii: "0"): folded[i] = UInt8(ascii: "o")
                    case UInt8(ascii: "1"): folded[i] = UInt8(ascii: "i")
                    case UInt8(ascii: "3"): folded[i] = UInt8(ascii: "e")
                    case UInt8(ascii: "4"), UInt8(ascii: "@"): folded[i] = UInt8(ascii: "a")
                    case UInt8(ascii: "5"), UInt8(ascii: "$"): folded[i] = UInt8(ascii: "s")
                    default: break
                    }
                }
            }
            tokenStart = index + 1
            token = 0
        }
    }
}

/// HTML character references.
enum HTMLEntity {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "hellip": "\u{2026}", "mdash": "\u{2014}",
        "ndash": "\u{2013}", "hearts": "\u{2665}",
    ]

    /// The decoded bytes and the entity's length, for `&name;`, `&#123;` or `&#x7B;` at `start`.
    static func decode(_ bytes: ArraySlice<UInt8>, at start: Int) -> ([UInt8], Int)? {
        var end = start + 1
        while end < bytes.endIndex, end - start <= 10, bytes[end] != UInt8(ascii: ";") {
            let byte = bytes[end]
            let isNameByte = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "#")
            guard isNameByte else { return nil }
            end += 1
        }
        guard end < bytes.endIndex, bytes[end] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let text: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            text = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if name.hasPrefix("#") {
            text = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        } else {
            text = named[name]
        }
        guard let text, !text.isEmpty, text != "\0" else { return nil }
        return (Array(text.utf8), end + 1 - start)
    }
}

/// Hashtags: `#` after a non-word character, then a letter, then letters, digits or `_`.
enum Hashtag {
    static func isAlnum(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39)
    }

    static func end(_ bytes: ArraySlice<UInt8>, at start: Int) -> Int? {
        if start > bytes.startIndex, isAlnum(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "&") { return nil }
        var end = start + 1
        guard end < bytes.endIndex, (bytes[end] | 0x20) >= 0x61 && (bytes[end] | 0x20) <= 0x7A else { return nil }
        while end < bytes.endIndex, isAlnum(bytes[end]) || bytes[end] == UInt8(ascii: "_") { end += 1 }
        return end
    }

    /// Copies the tag body, with a separating space where a word starts: lower → upper
    /// (`goodVibes`), letter ↔ digit, `_`, and before the last capital of a run of capitals
    /// followed by lower case (`ADHDTips` → `ADHD Tips`).
    static func appendSplit<Sink: ProjectionSink>(_ body: ArraySlice<UInt8>, from source: Int, into output: inout Sink) {
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var pieceStart = body.startIndex
        for index in body.indices where index > body.startIndex {
            let previous = body[index - 1], current = body[index]
            let next: UInt8? = index + 1 < body.endIndex ? body[index + 1] : nil
            let boundary = (isLower(previous) && isUpper(current)) || (isDigit(previous) != isDigit(current) && current != UInt8(ascii: "_") && previous != UInt8(ascii: "_"))
                || (isUpper(previous) && isUpper(current) && next.map(isLower) == true)
            if current == UInt8(ascii: "_") {
                output.appendCopy(body[pieceStart..<index], at: source + (pieceStart - body.startIndex))
                output.appendSeparator(" ")
                pieceStart = index + 1
            } else if boundary {
                output.appendCopy(body[pieceStart..<index], at: source + (pieceStart - body.startIndex))
                output.appendSeparator(" ")
                pieceStart = index
            }
        }
        if pieceStart < body.endIndex {
            output.appendCopy(body[pieceStart..<body.endIndex], at: source + (pieceStart - body.startIndex))
        }
    }
}

/// Where normalisation writes: a projection with its offset map, or bytes alone.
protocol ProjectionSink {
    mutating func appendCopy(_ copied: ArraySlice<UInt8>, at sourceOffset: Int)
    mutating func appendReplacement(_ replacement: [UInt8], for source: Range<Int>)
    mutating func appendSeparator(_ separator: String)
}

extension ProjectedText: ProjectionSink {}

/// The bytes of a projection without its map.
struct ByteSink: ProjectionSink {
    var bytes: [UInt8]
    mutating func appendCopy(_ copied: ArraySlice<UInt8>, at sourceOffset: Int) { bytes.append(contentsOf: copied) }
    mutating func appendReplacement(_ replacement: [UInt8], for source: Range<Int>) { bytes.append(contentsOf: replacement) }
    mutating func appendSeparator(_ separator: String) { bytes.append(contentsOf: separator.utf8) }
}
