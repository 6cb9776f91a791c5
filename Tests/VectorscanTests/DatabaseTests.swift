import Testing
import Vectorscan

@Suite struct DatabaseTests {
    private func matches(_ database: Database, _ text: String, scratch: ScanScratch) throws -> [Match] {
        var found: [Match] = []
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            try database.scan(buffer, scratch: scratch) { found.append($0); return true }
        }
        return found
    }

    @Test func reportsEachExpressionsIdAndEndOffset() throws {
        let database = try Database([Expression("good vibes", id: 7, flags: [.caseless]), Expression("die", id: 9)])
        let scratch = try ScanScratch(for: database)
        let found = try matches(database, "GOOD Vibes only, or die", scratch: scratch)
        #expect(found.map(\.id) == [7, 9])
        #expect(found.map(\.end) == [10, 23])
        #expect(database.count == 2)
    }

    @Test func leftmostStartGivesByteOffsetsAfterMultiByteText() throws {
        let database = try Database([Expression("vibes", id: 1, flags: [.caseless, .leftmostStart])])
        let scratch = try ScanScratch(for: database)
        let found = try matches(database, "😀 Good VIBES", scratch: scratch)
        #expect(found == [Match(id: 1, start: 10, end: 15)])  // 4 bytes emoji + space + "Good "
    }

    @Test func singleMatchReportsOnceAndTheHandlerCanStopTheScan() throws {
        let database = try Database([Expression("a", id: 1, flags: [.singleMatch]), Expression("b", id: 2)])
        let scratch = try ScanScratch(for: database)
        #expect(try matches(database, "aaa bbb", scratch: scratch).map(\.id) == [1, 2, 2, 2])
        var seen = 0
        try Array("bbbb".utf8).withUnsafeBufferPointer { buffer in
            try database.scan(buffer, scratch: scratch) { _ in seen += 1; return false }
        }
        #expect(seen == 1)
    }

    @Test func emptyInputAndNoMatchAreNotErrors() throws {
        let database = try Database([Expression("x+", id: 1)])
        let scratch = try ScanScratch(for: database)
        #expect(try matches(database, "", scratch: scratch).isEmpty)
        #expect(try matches(database, "nothing here", scratch: scratch).isEmpty)
    }

    @Test func compileErrorNamesTheExpressionWithVectorscansMessage() {
        do {
            _ = try Database([Expression("fine", id: 0), Expression("(unclosed", id: 1)])
            Issue.record("expected a compile error")
        } catch {
            guard case .compile(let expression, let message) = error else { Issue.record("wrong case: \(error)"); return }
            #expect(expression == 1)
            #expect(!message.isEmpty)
            #expect(error.description.hasPrefix("expression 1: "))
        }
    }

    @Test func prefilterModeAcceptsWhatVectorscanCannotMatchExactly() throws {
        // A back-reference is refused as is, and widened in prefilter mode.
        #expect(throws: VectorscanError.self) { try Database([Expression("(a)\\1", id: 0)]) }
        let database = try Database([Expression("(a)\\1", id: 0, flags: [.prefilter])])
        let scratch = try ScanScratch(for: database)
        #expect(try matches(database, "xaay", scratch: scratch).map(\.id) == [0])
    }

    @Test func oneScratchServesSeveralDatabases() throws {
        let first = try Database([Expression("one", id: 1)])
        let second = try Database([Expression("t(wo|hree)", id: 2, flags: [.leftmostStart])])
        let scratch = try ScanScratch(for: [first, second])
        #expect(try matches(first, "one two", scratch: scratch).map(\.id) == [1])
        #expect(try matches(second, "one two", scratch: scratch) == [Match(id: 2, start: 4, end: 7)])
    }
}
