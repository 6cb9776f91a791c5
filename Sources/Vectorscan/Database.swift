import CVectorscan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One expression of a database: a Vectorscan (PCRE-like) regular expression, the id its
/// matches are reported with (ids may repeat), and its flags.
public struct Expression: Sendable, Hashable {
    public var pattern: String
    public var id: UInt32
    public var flags: PatternFlags

    public init(_ pattern: String, id: UInt32, flags: PatternFlags = []) {
        self.pattern = pattern
        self.id = id
        self.flags = flags
    }
}

/// One literal of a literal database: its bytes (any byte, matched as is), the id its matches
/// are reported with, and its flags.
public struct Literal: Sendable, Hashable {
    public var bytes: [UInt8]
    public var id: UInt32
    public var flags: PatternFlags

    public init(_ bytes: [UInt8], id: UInt32, flags: PatternFlags = []) {
        self.bytes = bytes
        self.id = id
        self.flags = flags
    }
}

/// A match: the expression's id and the end offset in the scanned bytes (the start too with
/// `.leftmostStart`, else 0).
public struct Match: Sendable, Hashable {
    public var id: UInt32
    public var start: Int
    public var end: Int

    public init(id: UInt32, start: Int, end: Int) {
        self.id = id
        self.start = start
        self.end = end
    }
}

/// A compiled block-mode database of many expressions, scanned in one pass. It owns its
/// `hs_database_t` (freed in `deinit`).
///
/// SAFETY: `@unchecked Sendable` because the database is never written after `init`, and
/// Vectorscan documents scanning one database from many threads at once as safe as long as
/// each thread has its own scratch, which `ScanScratch` (one per worker) guarantees.
public final class Database: @unchecked Sendable {
    let raw: OpaquePointer
    /// The number of expressions compiled.
    public let count: Int

    /// Compiles `expressions` into one database; throws `VectorscanError.compile` naming the
    /// first expression Vectorscan refuses.
    public init(_ expressions: [Expression]) throws(VectorscanError) {
        var database: OpaquePointer?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        // C strings that live until the compile call returns.
        let strings = expressions.map { strdup($0.pattern) }
        defer { strings.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = strings.map { UnsafePointer($0) }
        let flags = expressions.map { $0.flags.rawValue }
        let ids = expressions.map(\.id)
        let status = hs_compile_multi(pointers, flags, ids, UInt32(expressions.count), UInt32(HS_MODE_BLOCK), nil,
                                      &database, &error)
        guard status == HS_SUCCESS, let database else {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "hs_compile_multi failed (\(status))"
            let index = error.map { Int($0.pointee.expression) }
            if let error { hs_free_compile_error(error) }
            throw .compile(expression: index.flatMap { $0 >= 0 ? $0 : nil }, message: message)
        }
        raw = database
        count = expressions.count
    }

    /// Compiles pure literals (bytes matched exactly, `.caseless` for ASCII case) into one
    /// database: no regex syntax, so any byte may occur, and compiling is fast even for
    /// thousands. Only `.caseless`, `.singleMatch` and `.leftmostStart` apply to literals.
    public init(literals: [Literal]) throws(VectorscanError) {
        var database: OpaquePointer?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        let buffers = literals.map { literal -> UnsafeMutablePointer<CChar> in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, literal.bytes.count))
            literal.bytes.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        let pointers: [UnsafePointer<CChar>?] = buffers.map { UnsafePointer($0) }
        let flags = literals.map { $0.flags.rawValue }
        let ids = literals.map(\.id)
        let lengths = literals.map { $0.bytes.count }
        let status = hs_compile_lit_multi(pointers, flags, ids, lengths, UInt32(literals.count), UInt32(HS_MODE_BLOCK), nil,
                                          &database, &error)
        guard status == HS_SUCCESS, let database else {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "hs_compile_lit_multi failed (\(status))"
            let index = error.map { Int($0.pointee.expression) }
            if let error { hs_free_compile_error(error) }
            throw .compile(expression: index.flatMap { $0 >= 0 ? $0 : nil }, message: message)
        }
        raw = database
        count = literals.count
    }

    deinit { hs_free_database(raw) }

    /// Calls `onMatch` for each match in `data`, in order of end offset; return false from it
    /// to stop the scan. Allocates nothing.
    public func scan(_ data: UnsafeBufferPointer<UInt8>, scratch: ScanScratch, _ onMatch: (Match) -> Bool) throws(VectorscanError) {
        // NOTE: Vectorscan wants a non-null pointer even for no bytes.
        let base = data.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(ScanScratch.emptyData)
        let status: hs_error_t = withoutActuallyEscaping(onMatch) { onMatch in
            var handler = onMatch
            return withUnsafeMutablePointer(to: &handler) { context in
                hs_scan(raw, base.assumingMemoryBound(to: CChar.self), UInt32(data.count), 0, scratch.raw, { id, from, to, _, context in
                    let handler = context!.assumingMemoryBound(to: ((Match) -> Bool).self).pointee
                    return handler(Match(id: id, start: Int(from), end: Int(to))) ? 0 : 1
                }, context)
            }
        }
        guard status == HS_SUCCESS || status == HS_SCAN_TERMINATED else { throw .call("hs_scan", code: status) }
    }
}
