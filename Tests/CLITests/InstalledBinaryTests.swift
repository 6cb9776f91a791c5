import Foundation
import Testing

/// Issue 12, point 4: the binary `scripts/install.sh` installs runs where Swift is not: no
/// `libswift*` among its libraries, and it lints from a folder outside the repository with
/// `LD_LIBRARY_PATH` cleared and no toolchain on `PATH`. `scripts/test.sh` builds it once
/// (`POSTLINT_INSTALLED`); a plain `swift test` skips this suite and says how to run it.
enum InstalledBinary {
    static let url: URL? = {
        guard let path = ProcessInfo.processInfo.environment["POSTLINT_INSTALLED"],
              FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return URL(fileURLWithPath: path)
    }()
}

@Suite(.enabled(if: InstalledBinary.url != nil,
                "no installed binary: run 'bash scripts/test.sh', or 'bash scripts/install.sh --prefix DIR' and set POSTLINT_INSTALLED=DIR/bin/postlint"))
struct InstalledBinaryTests {
    static var binary: URL? { InstalledBinary.url }

    private func run(_ executable: String, _ arguments: [String], stdin: String = "", in directory: URL,
                     environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        (process.standardOutput, process.standardError, process.standardInput) = (out, err, input)
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func issue12_4_linksNoSwiftLibraries() throws {
        let binary = try #require(Self.binary)
        let ldd = try run("/usr/bin/env", ["ldd", binary.path], in: FileManager.default.temporaryDirectory,
                          environment: ["PATH": "/usr/bin:/bin"])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        #expect(!ldd.stdout.contains("libswift"), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("libFoundation"), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("not found"), "\(ldd.stdout)")
        #expect(ldd.stdout.contains("libpcre2-8"))
    }

    @Test func issue12_4_runsOutsideTheRepositoryWithoutTheToolchain() throws {
        let binary = try #require(Self.binary)
        // A copy in a fresh folder outside the repository, run from there, with the loader's
        // path cleared and only the system's folders on PATH.
        let folder = try CLIRunner.temporaryDirectory()
        let copy = folder.appendingPathComponent("postlint")
        try FileManager.default.copyItem(at: binary, to: copy)
        #expect(!folder.path.hasPrefix(CLIRunner.repository.path))
        let environment = ["PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": "", "HOME": folder.path]
        let version = try run(copy.path, ["--version"], in: folder, environment: environment)
        #expect(version.status == 0, "\(version.stderr)")
        let check = try run(copy.path, ["check", "--fail-on", "warning", "-"], stdin: "Good vibes only!\n", in: folder, environment: environment)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("[toxic-positivity/good-vibes-only]"))
        // The rule packs are embedded: every example passes without Rules/ beside it.
        let rules = try run(copy.path, ["rules", "test"], in: folder, environment: environment)
        #expect(rules.status == 0, "\(rules.stderr)")
    }
}
