import Foundation
import PostLint

#if FUZZING
/// libFuzzer's driver, as declared in its FuzzerInterface.h.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable target's entry point under this name; here it hands over to
/// libFuzzer's driver with the callback below.
@_cdecl("PostLintFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}

/// libFuzzer's entry point (built by `scripts/fuzz.sh` with `POSTLINT_FUZZ=1`): the target
/// comes from `POSTLINT_FUZZ_TARGET`; an invariant failure aborts so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let target = ProcessInfo.processInfo.environment["POSTLINT_FUZZ_TARGET"] ?? "lint"
    do {
        try FuzzTargets.run(target, Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        FileHandle.standardError.write(Data("postlint-fuzz: \(target): invariant failed: \(error)\n".utf8))
        abort()
    }
    return 0
}
#else
/// Without libFuzzer: replays files through a target (`postlint-fuzz TARGET FILE|DIR…`), for the
/// regression corpus and for reproducing a crash the fuzzer saved.
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--seeds", arguments.count == 2, let entry = FuzzTargets.all.first(where: { $0.name == arguments[1] }) {
            print(entry.seeds.joined(separator: "\n"))
            exit(0)
        }
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            FileHandle.standardError.write(Data("usage: postlint-fuzz TARGET FILE|DIR…; targets: \(FuzzTargets.names.joined(separator: ", "))\n".utf8))
            exit(2)
        }
        var failures = 0, count = 0
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                count += 1
                do { try FuzzTargets.run(target, [UInt8](data)) } catch {
                    failures += 1
                    FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
                }
            }
        }
        print("\(count) inputs replayed through \(target), \(failures) failed")
        exit(failures == 0 ? 0 : 1)
    }
}
#endif
