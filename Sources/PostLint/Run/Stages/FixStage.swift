import Foundation

/// `--fix`: applies declared drop-in fixes to files (never to exports), dropping the findings
/// it fixed; with `dryRun`, records a unified diff instead and keeps the findings. Standard
/// input is never written to disk: its fixed text is kept in the record for the front end to
/// write to standard output (as ruff and ESLint do), even when nothing changed.
struct FixStage: FindingStage {
    let dryRun: Bool
    /// The path standard input is reported under (`<stdin>` or `--stdin-filename`).
    let standardInputPath: String
    var appliesToPosts: Bool { false }

    mutating func process(_ item: inout LintItem, into report: inout RunReport) {
        let result = Fixer.apply(item.findings, to: item.document)
        guard let path = item.document.path else { return }
        let old = String(decoding: item.document.bytes, as: UTF8.self), new = String(decoding: result.bytes, as: UTF8.self)
        if path == standardInputPath {
            report.fixes.append(FixRecord(path: path, fixed: result.fixed.count,
                                          diff: dryRun && !result.fixed.isEmpty ? UnifiedDiff.make(old: old, new: new, path: path) : nil,
                                          standardInput: true, fixedText: dryRun ? nil : new))
            if !dryRun { drop(result.fixed, from: &item) }
            return
        }
        guard !result.fixed.isEmpty else { return }
        if dryRun {
            report.fixes.append(FixRecord(path: path, fixed: result.fixed.count, diff: UnifiedDiff.make(old: old, new: new, path: path)))
            return
        }
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType, type == .typeSymbolicLink {
            // The link may point out of the walked tree: never rewrite what it points to.
            report.problems.append(Diagnostic(file: path, message: "not fixed: a symbolic link (fix the file it points to directly)"))
            return
        }
        do {
            try Self.replace(path, with: result.bytes)
        } catch {
            report.problems.append(Diagnostic(file: path, message: "cannot write fixes: \(error); the file is unchanged"))
            return
        }
        drop(result.fixed, from: &item)
        report.fixes.append(FixRecord(path: path, fixed: result.fixed.count, diff: nil))
    }

    private func drop(_ fixed: [Finding], from item: inout LintItem) {
        let fixed = Set(fixed)
        item.findings = item.findings.filter { !fixed.contains($0) }
    }
}

extension FixStage {
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `bytes` to a new file beside `path`, flushes it to disk, gives it the original's
    /// permissions and renames it over the original: a failure half-way leaves the original.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.postlint-fix-\(UUID().uuidString)"
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.uint16Value ?? 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard descriptor >= 0 else { throw WriteError(description: "cannot create a file beside it (\(String(cString: strerror(errno))))") }
        fchmod(descriptor, mode_t(mode))  // open's mode is narrowed by the umask
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { failure = String(cString: strerror(errno)); return }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(description: failure)
        }
    }
}

/// What `--fix` did to one file.
public struct FixRecord: Sendable {
    public var path: String
    public var fixed: Int
    /// The unified diff, with `--dry-run`.
    public var diff: String?
    /// Whether this is standard input, whose fixed text goes to standard output.
    public var standardInput = false
    /// Standard input's text after the fixes (without `--dry-run`).
    public var fixedText: String?
}
