import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17: a FIFO in a walked folder made `check` and `audit` block forever; an unreadable
/// folder was skipped without a word; a folder with nothing to audit passed.
@Suite struct SpecialFileTests {
    @Test func aFIFOInAWalkedFolderIsSkippedWithANoteNotOpened() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Good vibes only!\n".write(to: folder.appendingPathComponent("draft.txt"), atomically: true, encoding: .utf8)
        #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        #expect(mkfifo(folder.appendingPathComponent("posts.jsonl").path, 0o600) == 0)

        let check = try CLIRunner.run(["check", "--no-config", "--verbose", "--fail-on", "warning", "--format", "json", folder.path], timeout: 30)
        #expect(check.status == 1, "the draft's finding fails the run, nothing hangs: \(check.stderr)")
        #expect(check.stderr.contains("pipe.txt': a FIFO (named pipe), not a regular file"))
        let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        #expect((object?["summary"] as? [String: Any])?["files"] as? Int == 1)

        let audit = try CLIRunner.run(["audit", "--no-config", folder.path], timeout: 30)
        #expect(audit.status == 2)
        #expect(audit.stderr.contains("nothing to audit") && audit.stderr.contains("posts.jsonl': a FIFO"))
    }

    /// Root reads every folder, so this runs only as another user.
    @Test(.enabled(if: getuid() != 0)) func anUnreadableFolderIsAProblem() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try "Good vibes only!\n".write(to: locked.appendingPathComponent("draft.txt"), atomically: true, encoding: .utf8)
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o700); try? FileManager.default.removeItem(at: folder) }
        let check = try CLIRunner.run(["check", "--no-config", folder.path], timeout: 30)
        #expect(check.status == 2)
        #expect(check.stderr.contains("locked: error: cannot read this folder"))
    }
}
