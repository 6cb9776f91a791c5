/// A unified diff (`diff -u` style, 3 lines of context) between two texts, for `--fix --dry-run`.
///
/// NOTE: hand-written because no listed package produces unified diffs. Unchanged lines at
/// both ends are skipped first, and a longest-common-subsequence table aligns only the lines
/// in between (bounded; past the bound they are shown replaced as a block).
public enum UnifiedDiff {
    public static func make(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a != b else { return "" }
        // Lines the fixes did not touch are common at both ends: only the middle is compared,
        // so one substitution in a large file costs time linear in its size.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = prefix..<(a.count - suffix), middleB = prefix..<(b.count - suffix)
        enum Edit { case same(Int, Int), delete(Int), insert(Int) }
        var edits: [Edit] = (0..<prefix).map { .same($0, $0) }
        if middleA.count * middleB.count <= 4_000_000 {
            // LCS lengths from the end, over the middle only.
            let n = middleA.count, m = middleB.count
            var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = a[prefix + i] == b[prefix + j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, a[prefix + i] == b[prefix + j] { edits.append(.same(prefix + i, prefix + j)); i += 1; j += 1 }
                else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] { edits.append(.delete(prefix + i)); i += 1 }
                else { edits.append(.insert(prefix + j)); j += 1 }
            }
        } else {
            // Too large to align line by line: the middle is replaced as a whole.
            edits += middleA.map { .delete($0) } + middleB.map { .insert($0) }
        }
        edits += (0..<suffix).map { .same(a.count - suffix + $0, b.count - suffix + $0) }
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
