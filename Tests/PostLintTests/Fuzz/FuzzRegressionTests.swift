import Foundation
import PostLint
import Testing

/// Every fuzz target's seeds (the fixtures) and its regression corpus (inputs that once
/// crashed, hung or broke an invariant, kept in Tests/Fuzz/regressions/TARGET/) replayed
/// through the same invariant checks the fuzzer uses.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func files(under path: String) -> [URL] {
        let url = root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [url] }
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? []).filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .filter { ((try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) < 200_000 }
            .sorted { $0.path < $1.path }
    }

    @Test(arguments: FuzzTargets.names)
    func seedsAndRegressionsHoldTheInvariants(target: String) throws {
        let entry = try #require(FuzzTargets.all.first { $0.name == target })
        let inputs = entry.seeds.flatMap(Self.files(under:)) + Self.files(under: "Tests/Fuzz/regressions/\(target)")
        #expect(!inputs.isEmpty, "no seeds for \(target)")
        for input in inputs {
            do {
                try FuzzTargets.run(target, [UInt8](try Data(contentsOf: input)))
            } catch {
                Issue.record("\(input.path): \(error)")
            }
        }
    }
}
