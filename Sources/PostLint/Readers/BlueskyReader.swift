import Foundation

/// Bluesky (atproto) repository export: a CAR v1 file (`repo.car`, `*.car`) of DAG-CBOR blocks.
/// The root is the signed commit (`did`, `data`: the Merkle Search Tree's root); walking the
/// MST gives each record's key (`collection/rkey`) and block. `app.bsky.feed.post` records are
/// posts (`text`, `createdAt`, `langs`, self-labels as the content warning); other records
/// (likes, follows, reposts, the profile) are counted as skipped. A CAR without a commit (a
/// repository slice) is read block by block. Layout: the atproto repository spec and the CAR
/// files in `bluesky-social/indigo:testing/testdata` (see Fixtures/exports/bluesky/README.md).
enum BlueskyRepository {
    /// Blocks larger than this are not decoded (atproto caps a record at 1 MB).
    static let maxBlock = 2 << 20

    struct Block {
        let offset: Int
        let range: Range<Int>
    }

    static func events(_ data: Data, path: String) throws(PostLintError) -> [ReaderEvent] {
        let bytes = [UInt8](data)
        func unreadable(_ message: String) -> PostLintError { .unreadableInput(Diagnostic(file: path, message: message + "; not read")) }
        var position = 0
        guard let headerLength = CARBytes.varint(bytes, &position), headerLength > 0, headerLength <= bytes.count - position else {
            throw unreadable("not a CAR file (no header length)")
        }
        let header: DAGCBOR.Value
        do { header = try DAGCBOR.decode(bytes[position..<position + headerLength]) } catch {
            throw unreadable("the CAR header is not DAG-CBOR (\(error.message) at byte \(position + error.offset))")
        }
        guard header["version"]?.int == 1 else { throw unreadable("not a CAR v1 file (header version is not 1)") }
        let roots = header["roots"]?.array?.compactMap(\.link) ?? []
        position += headerLength

        // Index the blocks by CID. A broken section stops the walk: the lengths after it cannot be trusted.
        var blocks: [[UInt8]: Block] = [:], order: [[UInt8]] = []
        var events: [ReaderEvent] = []
        while position < bytes.count {
            let sectionStart = position
            guard let length = CARBytes.varint(bytes, &position), length > 0, length <= bytes.count - position else {
                events.append(.bad(Diagnostic(file: path, message: "block at byte \(sectionStart): its length runs past the end of the file; the rest is not read")))
                break
            }
            let end = position + length
            guard let cidLength = CARBytes.cidLength(bytes, from: position, to: end) else {
                events.append(.bad(Diagnostic(file: path, message: "block at byte \(sectionStart): no valid CID; block skipped")))
                position = end
                continue
            }
            let cid = Array(bytes[position..<position + cidLength])
            if blocks[cid] == nil {
                blocks[cid] = Block(offset: sectionStart, range: position + cidLength..<end)
                order.append(cid)
            }
            position = end
        }

        func decode(_ cid: [UInt8]) -> Result<DAGCBOR.Value, DAGCBOR.Failure>? {
            guard let block = blocks[cid] else { return nil }
            guard block.range.count <= maxBlock else { return .failure(DAGCBOR.Failure(offset: 0, message: "block larger than \(maxBlock) bytes")) }
            do { return .success(try DAGCBOR.decode(bytes[block.range])) } catch { return .failure(error) }
        }

        if let root = roots.first, case .success(let commit)? = decode(root), let tree = commit["data"]?.link {
            let did = commit["did"]?.string ?? "unknown"
            events += walk(tree: tree, did: did, path: path, decode: decode)
        } else {
            // A slice without a commit: every record block, in file order.
            for cid in order {
                guard case .success(let value)? = decode(cid), let type = value["$type"]?.string else { continue }
                events.append(record(value, type: type, id: CARBytes.base32(cid), name: "block at byte \(blocks[cid]!.offset)", path: path))
            }
        }
        return try ExportJSON.requirePosts(events, path: path, kind: "Bluesky posts (app.bsky.feed.post records)")
    }

    /// The records of the MST rooted at `tree`, in key order. Nodes are `{l, e: [{p, k, v, t}]}`:
    /// each entry's key is the previous key's first `p` bytes + `k`; `l` and `t` are subtrees.
    static func walk(tree: [UInt8], did: String, path: String,
                     decode: ([UInt8]) -> Result<DAGCBOR.Value, DAGCBOR.Failure>?) -> [ReaderEvent] {
        enum Step { case node([UInt8], depth: Int), record(key: String, cid: [UInt8]) }
        var events: [ReaderEvent] = [], stack: [Step] = [.node(tree, depth: 0)], seen: Set<[UInt8]> = []
        while let step = stack.popLast() {
            switch step {
            case .record(let key, let cid):
                let id = "at://\(did)/\(key)"
                switch decode(cid) {
                case nil: events.append(.bad(Diagnostic(file: path, message: "record \(key): its block is not in the file; record skipped")))
                case .failure(let error)?: events.append(.bad(Diagnostic(file: path, message: "record \(key): \(error.message) at byte \(error.offset) of its block; record skipped")))
                case .success(let value)?:
                    events.append(record(value, type: value["$type"]?.string ?? (key.split(separator: "/").first.map(String.init) ?? ""), id: id, name: key, path: path))
                }
            case .node(let cid, let depth):
                guard depth < 64, seen.insert(cid).inserted else {
                    events.append(.bad(Diagnostic(file: path, message: "the record tree loops or is deeper than 64 levels; a subtree is not read")))
                    continue
                }
                guard case .success(let node)? = decode(cid), let entries = node["e"]?.array else {
                    events.append(.bad(Diagnostic(file: path, message: "a node of the record tree is missing or malformed; its records are not read")))
                    continue
                }
                // Pushed in reverse so that they pop in key order: l, then each entry and its t.
                var steps: [Step] = []
                if let left = node["l"]?.link { steps.append(.node(left, depth: depth + 1)) }
                var previous: [UInt8] = []
                for entry in entries {
                    guard let prefix = entry["p"]?.int, prefix <= previous.count, let suffix = entry["k"]?.bytes, let value = entry["v"]?.link else {
                        events.append(.bad(Diagnostic(file: path, message: "a record tree entry is malformed; record skipped")))
                        continue
                    }
                    previous = Array(previous[..<prefix]) + suffix
                    steps.append(.record(key: String(decoding: previous, as: UTF8.self), cid: value))
                    if let right = entry["t"]?.link { steps.append(.node(right, depth: depth + 1)) }
                }
                stack += steps.reversed()
            }
        }
        return events
    }

    /// One record: a post, or another record type counted as skipped.
    static func record(_ value: DAGCBOR.Value, type: String, id: String, name: String, path: String) -> ReaderEvent {
        guard type == "app.bsky.feed.post" else { return .skipped(reason: "records other than posts (likes, follows, reposts, profile)") }
        guard let text = value["text"]?.string else {
            return .bad(Diagnostic(file: path, message: "record \(name): a post without 'text'; record skipped"))
        }
        if text.isEmpty { return .skipped(reason: "posts without text (media only)") }
        let timestamp = value["createdAt"]?.string
        // The author's own content labels (com.atproto.label.defs#selfLabels): graphic-media, sexual, …
        let labels = value["labels"]?["values"]?.array?.compactMap { $0["val"]?.string } ?? []
        let warning = labels.isEmpty ? nil : labels.joined(separator: ", ")
        var reference = PostReference(id: id, timestamp: timestamp, record: name)
        reference.contentWarning = warning
        var post = Post(id: id, timestamp: timestamp, text: text, contentWarning: warning, reference: reference)
        post.language = value["langs"]?.array?.first?.string
        return .post(post)
    }
}

extension InputReader {
    static let bluesky = InputReader.posts(.bluesky, "Bluesky repository export (CAR of app.bsky.feed.post records)", platformExport: true,
                                           detects: { _, ext in ext == "car" }) { source throws(PostLintError) in
        EventListReader(events: try BlueskyRepository.events(try source.contents(), path: source.shownAs))
    }
}
