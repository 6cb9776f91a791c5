// swift-tools-version: 6.0
import Foundation
import PackageDescription

// `POSTLINT_FUZZ=1` (scripts/fuzz.sh only) builds the engine with libFuzzer's instrumentation and
// `postlint-fuzz` as a fuzzer; otherwise no flag is added, so depending on the package stays safe.
let fuzzing = ProcessInfo.processInfo.environment["POSTLINT_FUZZ"] != nil
let fuzzSettings: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")] : []
let fuzzLinking: [LinkerSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

// Module graph (one-way): CPCRE2 ← PCRE2 ← PostLint ← postlint (and postlint-fuzz);
// PostLint ← PostLintLSP ← postlint (the `lsp` subcommand);
// PostLint ← PostLintServer (Hummingbird) ← postlint (the `serve` subcommand);
// CArchive ← LibArchive ← PostLint; CVectorscan ← Vectorscan ← PostLint
// The built-in rule packs in Rules/ are embedded into PostLint at build time by
// EmbedRulesPlugin, so a copied binary carries them and Rules/ stays the one place to edit.
let package = Package(
    name: "postlint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PostLint", targets: ["PostLint"]),
        // lsp: the language server behind `postlint lsp`.
        .library(name: "PostLintLSP", targets: ["PostLintLSP"]),
        .library(name: "PostLintServer", targets: ["PostLintServer"]),
        .executable(name: "postlint", targets: ["postlint"]),
        .executable(name: "postlint-fuzz", targets: ["PostLintFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // Tests only: writes the ZIP files the archive tests read (postlint reads ZIPs with libarchive).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `postlint serve`: the HTTP server (PostLintServer) and its access log.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"], swiftSettings: fuzzSettings),
        // libarchive reads tar/tar.gz exports (Mastodon's archive-*.tar.gz, Google Takeout .tgz) in memory.
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"]), .brew(["libarchive"])]
        ),
        .target(name: "LibArchive", dependencies: ["CArchive"], swiftSettings: fuzzSettings),
        // Vectorscan (the portable Hyperscan fork) runs the literal prefilter in one vectorised pass.
        .systemLibrary(
            name: "CVectorscan",
            pkgConfig: "libhs",
            providers: [.apt(["libvectorscan-dev"]), .brew(["vectorscan"])]
        ),
        .target(name: "Vectorscan", dependencies: ["CVectorscan"], swiftSettings: fuzzSettings),
        .executableTarget(name: "EmbedRules", path: "Sources/EmbedRules"),
        .plugin(
            name: "EmbedRulesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedRules"]
        ),
        .target(
            name: "PostLint",
            dependencies: ["PCRE2", "LibArchive", "Vectorscan", .product(name: "Yams", package: "Yams")],
            swiftSettings: fuzzSettings,
            plugins: ["EmbedRulesPlugin"]
        ),
        .executableTarget(name: "PostLintFuzz", dependencies: ["PostLint"], swiftSettings: fuzzSettings, linkerSettings: fuzzLinking),
        // lsp: the language server (JSON-RPC over stdio, hand-written: no LSP package is listed).
        .target(name: "PostLintLSP", dependencies: ["PostLint"]),
        // `postlint serve`: the local page, /v1 JSON API and LanguageTool-shaped /v2 API.
        .target(
            name: "PostLintServer",
            dependencies: ["PostLint", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "postlint",
            dependencies: ["PostLint", "PostLintLSP", "PostLintServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "VectorscanTests", dependencies: ["Vectorscan"]),
        .testTarget(name: "PostLintTests", dependencies: ["PostLint", "LibArchive", .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Golden"]),
        .testTarget(name: "CLITests", dependencies: ["postlint", "PostLint"], exclude: ["Golden", "Schemas"]),
        .testTarget(name: "ServerTests", dependencies: ["PostLintServer", "PostLint", "postlint", .product(name: "HummingbirdTesting", package: "hummingbird")]),
    ]
)
