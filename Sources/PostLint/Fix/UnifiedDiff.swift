/// A unified diff (`diff -u` style, 3 lines of context) between two texts, for `--fix --dry-run`.
///
/// NOTE: hand-written because no listed package produces unified diffs; content files are
/// small, so a plain longest-common-subsequence table is enough.
public enum UnifiedDiff {
    public static func make(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a != b else { return "" }
        // LCS lengths from the end.
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        enum Edit { case same(Int, Int), delete(Int), insert(Int) }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { edits.append(.same(i, j)); i += 1; j += 1 }
            else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] { edits.append(.delete(i)); i += 1 }
            else { edits.append(.insert(j)); j += 1 }
        }
        // Group changes with their context into hunks.
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        var hunks: [Range<Int>] = []
        for index in changed {
            let range = max(0, index - context)..<min(edits.count, index + context + 1)
            if let last = hunks.last, range.lowerBound <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        var name = Substring(path)
        while name.hasPrefix("./") || name.hasPrefix("/") { name = name.dropFirst(name.hasPrefix("./") ? 2 : 1) }
        var out = "--- a/\(name)\n+++ b/\(name)\n"
        for hunk in hunks {
            var lines: [String] = [], oldStart = 0, newStart = 0, oldCount = 0, newCount = 0, first = true
            for edit in edits[hunk] {
                switch edit {
                case .same(let x, let y):
                    if first { oldStart = x + 1; newStart = y + 1; first = false }
                    lines.append(" " + a[x]); oldCount += 1; newCount += 1
                case .delete(let x):
                    if first { oldStart = x + 1; newStart = x + 1; first = false }
                    lines.append("-" + a[x]); oldCount += 1
                case .insert(let y):
                    if first { oldStart = y + 1; newStart = y + 1; first = false }
                    lines.append("+" + b[y]); newCount += 1
                }
            }
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + lines.joined(separator: "\n") + "\n"
        }
        return out
    }
}
