import CVectorscan

/// A thread's scratch space for scanning: make one per worker (for the databases it scans)
/// and reuse it for every text; never share one between threads. Owns its `hs_scratch_t`.
public final class ScanScratch {
    var raw: OpaquePointer

    nonisolated(unsafe) static let emptyData: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// Scratch large enough for each of `databases`.
    public init(for databases: [Database]) throws(VectorscanError) {
        var scratch: OpaquePointer?
        for database in databases {
            let status = hs_alloc_scratch(database.raw, &scratch)
            guard status == HS_SUCCESS else {
                if let scratch { hs_free_scratch(scratch) }
                throw .call("hs_alloc_scratch", code: status)
            }
        }
        guard let scratch else { throw .call("hs_alloc_scratch (no database)", code: -1) }
        raw = scratch
    }

    public convenience init(for database: Database) throws(VectorscanError) {
        try self.init(for: [database])
    }

    deinit { hs_free_scratch(raw) }
}
