import CArchive
import Foundation

/// Reads the entries of an archive (tar, tar.gz, tgz, zip, … whatever libarchive's format and
/// filter detection accepts) one after another, in memory: nothing is unpacked to disk.
///
/// One owner per C object: the stream owns its `struct archive` and frees it in `deinit`.
/// Not shared between threads (libarchive read handles are not thread-safe).
public final class ArchiveStream {
    /// One entry of the archive: its path and, for regular files, its declared size.
    public struct Entry: Sendable {
        public let path: String
        public let isRegularFile: Bool
        /// The size the archive declares, or nil when it does not say.
        public let declaredSize: Int?
    }

    /// Why an archive or an entry could not be read, with libarchive's own message.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    private let handle: OpaquePointer
    private var current: OpaquePointer?

    /// Which formats to accept.
    public enum Formats: Sendable {
        /// Every format and compression filter libarchive detects (tar, tar.gz, …).
        case any
        /// ZIP only (read through its central directory), so a file that is not a ZIP is
        /// refused rather than read as some other format.
        case zip
    }

    /// Opens the archive at `path`; throws with libarchive's message when it is not one.
    public init(path: String, formats: Formats = .any) throws(Failure) {
        guard let archive = archive_read_new() else { throw Failure(message: "cannot allocate an archive reader") }
        switch formats {
        case .any:
            archive_read_support_filter_all(archive)
            archive_read_support_format_all(archive)
        case .zip:
            archive_read_support_format_zip(archive)
        }
        if archive_read_open_filename(archive, path, 1 << 16) != ARCHIVE_OK {
            let message = Self.message(archive)
            archive_read_free(archive)
            throw Failure(message: message)
        }
        handle = archive
    }

    deinit { archive_read_free(handle) }

    private static func message(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
    }

    /// The next entry, nil at the end; throws when the archive's structure is broken there.
    public func next() throws(Failure) -> Entry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else { throw Failure(message: Self.message(handle)) }
        current = entry
        let path = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
            ?? archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
        let regular = postlint_archive_entry_is_regular(entry) != 0
        let size = archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil
        return Entry(path: path, isRegularFile: regular, declaredSize: size)
    }

    /// The current entry's bytes, at most `limit`; throws when it is longer or cannot be read
    /// (a corrupt compressed stream ends with libarchive's error, never a hang).
    public func readData(limit: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { archive_read_data(handle, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 { throw Failure(message: Self.message(handle)) }
            if bytes.count + count > limit { throw Failure(message: "larger than \(limit) bytes") }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
