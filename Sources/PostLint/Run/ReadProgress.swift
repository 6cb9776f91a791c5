import Foundation

/// How far a run has read its multi-post files, in bytes, for a progress bar with a
/// percentage and an ETA. The total is known when every input is a regular file (not a
/// pipe); the bytes read come from the position of the file the reader has open.
///
/// NOTE: readers stream through a `FileHandle`, so on Linux the kernel's file position
/// (`/proc/self/fdinfo`) is how far the current file has been read; readers need no change.
/// Elsewhere only whole files count (a file is done once a later one is open).
public final class ReadProgress {
    let paths: [String]
    let sizes: [Int]
    /// The sum of the inputs' sizes, or nil when one is not a regular file.
    public let totalBytes: Int?
    private var lastIndex = 0, lastPosition = 0

    public init(inputs: [RunInput]) {
        var paths: [String] = [], sizes: [Int] = [], known = true
        for case .posts(let input) in inputs {
            let attributes = try? FileManager.default.attributesOfItem(atPath: input.path)
            if let attributes, attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int {
                paths.append(URL(fileURLWithPath: input.path).resolvingSymlinksInPath().path)
                sizes.append(size)
            } else {
                known = false
            }
        }
        self.paths = paths
        self.sizes = sizes
        totalBytes = known && !sizes.isEmpty ? sizes.reduce(0, +) : nil
    }

    /// Bytes read so far (never decreasing, at most the total).
    public func bytesRead() -> Int {
        if let (index, position) = openInput() {
            if index > lastIndex || (index == lastIndex && position > lastPosition) { (lastIndex, lastPosition) = (index, position) }
        }
        let done = sizes.prefix(lastIndex).reduce(0, +) + min(lastPosition, sizes.indices.contains(lastIndex) ? sizes[lastIndex] : 0)
        return min(done, totalBytes ?? done)
    }

    /// The latest input open in this process and its read position.
    private func openInput() -> (Int, Int)? {
        let folder = "/proc/self/fd"
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        var best: (Int, Int)?
        for descriptor in descriptors {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + descriptor),
                  let index = paths.lastIndex(of: target), index >= (best?.0 ?? 0),
                  let info = try? String(contentsOfFile: "/proc/self/fdinfo/" + descriptor, encoding: .utf8),
                  let line = info.split(separator: "\n").first(where: { $0.hasPrefix("pos:") }),
                  let position = Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces)) else { continue }
            best = (index, position)
        }
        return best
    }
}

/// The progress line `audit` and `check` show on a terminal: a bar, the percentage and an ETA
/// when the total is known, else posts and posts per second.
public enum ProgressLine {
    public static func render(posts: Int, bytes: Int, total: Int?, elapsed: Double, width: Int = 24) -> String {
        let rate = Double(posts) / max(0.001, elapsed)
        let counts = "\(posts) post\(posts == 1 ? "" : "s"), \(Int(rate)) posts/s"
        guard let total, total > 0 else { return counts }
        let fraction = min(1, Double(bytes) / Double(total))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        var line = "\(bar) \(Int((fraction * 100).rounded(.down)))% of \(megabytes(total))"
        if fraction > 0.001 && fraction < 1 {
            line += ", ETA \(duration(elapsed / fraction - elapsed))"
        }
        return line + " · " + counts
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\(max(1, bytes / 1000)) kB" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    /// `0:07`, `3:25`, `1:02:03`.
    static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.up)))
        let hours = total / 3600, minutes = (total % 3600) / 60, rest = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}
