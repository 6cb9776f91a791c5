import Foundation
import PostLint

/// The text `POST /v2/check` lints and the map from it back to the positions the client
/// counts in: LanguageTool's `text` field as it is, or its `data` field, annotated text
/// (`{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "test"}, {"markup": "</b>",
/// "interpretAs": " "}]}`), where markup is not linted (or is read as its `interpretAs`) and
/// offsets still count the whole original, markup included, in UTF-16 code units.
struct AnnotatedText {
    /// What the rules read.
    let text: String
    let positions: TextPositions
    /// Runs of `text` in order: where each starts and ends in `text` (bytes) and in the
    /// original (UTF-16 units); `isText` for text runs, false for markup read as `interpretAs`.
    private var runs: [Run] = []

    private struct Run {
        var start: Int, end: Int
        var originalStart: Int, originalLength: Int
        var isText: Bool
    }

    /// Plain text: offsets count it directly.
    init(plain text: String) {
        self.text = text
        positions = TextPositions(text)
    }

    /// LanguageTool's annotated text (the `data` form field).
    init(data: String) throws(ServerError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any],
              let items = object["annotation"] as? [Any] else {
            throw ServerError(.badRequest, "field 'data' must be JSON of the form {\"annotation\": [{\"text\": \"…\"}, {\"markup\": \"…\", \"interpretAs\": \"…\"}]}")
        }
        var text = "", runs: [Run] = [], bytes = 0, original = 0
        for (index, item) in items.enumerated() {
            guard let entry = item as? [String: Any] else {
                throw ServerError(.badRequest, "field 'data': annotation[\(index)] must be an object with 'text' or 'markup'")
            }
            if let part = entry["text"] as? String {
                let length = part.utf16.count
                runs.append(Run(start: bytes, end: bytes + part.utf8.count, originalStart: original, originalLength: length, isText: true))
                text += part
                bytes += part.utf8.count
                original += length
            } else if let markup = entry["markup"] as? String {
                let read = entry["interpretAs"] as? String ?? ""
                runs.append(Run(start: bytes, end: bytes + read.utf8.count, originalStart: original, originalLength: markup.utf16.count, isText: false))
                text += read
                bytes += read.utf8.count
                original += markup.utf16.count
            } else {
                throw ServerError(.badRequest, "field 'data': annotation[\(index)] has neither 'text' nor 'markup' (a string)")
            }
        }
        self.text = text
        positions = TextPositions(text)
        self.runs = runs
    }

    /// The original UTF-16 offset of byte `offset` of `text`; `isEnd` for the end of a range
    /// (a range ending inside markup read as `interpretAs` ends after the markup, one starting
    /// there starts before it).
    func originalOffset(ofByte offset: Int, isEnd: Bool) -> Int {
        guard !runs.isEmpty else { return positions.utf16Offset(ofByte: offset) }
        let run = runs.first { isEnd ? ($0.start < offset && offset <= $0.end) : ($0.start <= offset && offset < $0.end) }
            ?? (isEnd ? runs.last! : runs.first { $0.start >= offset } ?? runs.last!)
        guard run.isText else { return isEnd ? run.originalStart + run.originalLength : run.originalStart }
        let inside = positions.utf16Offset(ofByte: min(max(offset, run.start), run.end)) - positions.utf16Offset(ofByte: run.start)
        return run.originalStart + inside
    }
}
