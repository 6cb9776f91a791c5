"""An editor's side of the text: LSP positions (utf-16 or utf-8 units, LF/CRLF/CR lines) to
Python string indices and back, and applying TextEdits, written independently of the
server's Swift code so the two can check each other."""


def line_starts(text):
    starts, index = [0], 0
    while index < len(text):
        if text[index] == "\r" and text[index + 1:index + 2] == "\n":
            index += 1
            starts.append(index + 1)
        elif text[index] in "\r\n":
            starts.append(index + 1)
        index += 1
    return starts


def width(character, encoding):
    if encoding == "utf-8":
        return len(character.encode("utf-8"))
    return len(character.encode("utf-16-le")) // 2


def index_of(text, line, character, encoding):
    """The string index of an LSP position (clamped to the line's content)."""
    starts = line_starts(text)
    if line >= len(starts):
        return len(text)
    index = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    while end > index and text[end - 1] in "\r\n":
        end -= 1
    counted = 0
    while index < end and counted < character:
        counted += width(text[index], encoding)
        index += 1
    return index


def position_of(text, index, encoding):
    """The LSP position (line, character) of a string index."""
    starts = line_starts(text)
    line = max(i for i, start in enumerate(starts) if start <= index)
    return line, sum(width(c, encoding) for c in text[starts[line]:index])


def slice_of(text, lsp_range, encoding):
    start = index_of(text, lsp_range.start.line, lsp_range.start.character, encoding)
    end = index_of(text, lsp_range.end.line, lsp_range.end.character, encoding)
    return text[start:end]


def apply_edits(text, edits, encoding):
    """Applies TextEdits (non-overlapping, any order) as an editor does."""
    spans = []
    for edit in edits:
        start = index_of(text, edit.range.start.line, edit.range.start.character, encoding)
        end = index_of(text, edit.range.end.line, edit.range.end.character, encoding)
        spans.append((start, end, edit.new_text))
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text
