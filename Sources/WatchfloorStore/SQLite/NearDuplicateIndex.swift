import Foundation
import GRDB

/// The locality-sensitive index of story representatives, held in memory.
///
/// A B-tree of random band keys in SQLite costs a write of nearly every index page on every
/// commit once the index outgrows a batch (each insert lands on a different page), which made a
/// bulk ingest quadratic. The band keys are therefore stored with each representative document
/// (`documents.bands`, no index) and looked up here: an open-addressing table of 8-byte entries,
/// each packing a 32-bit fingerprint of a band key with the representative's 32-bit `seq`.
/// A fingerprint collision only yields a spurious candidate, which the exact similarity check
/// rejects. The table grows by adding fixed-size segments rather than by rehashing into one twice
/// as large, so that memory never holds an old and a new copy at once (the 1 GB ingest must stay
/// under 300 MB): 1.4 million documents with 8 bands take four 32 MiB segments.
///
/// The index catches up with documents written by other processes: before each batch it loads
/// the representatives stored since the last one it saw.
final class NearDuplicateIndex: @unchecked Sendable {
    /// Open-addressing segments; only the last one takes new entries.
    private var segments: [[UInt64]] = []
    private var usedInLast = 0
    /// The highest `seq` whose bands are in the table.
    private(set) var lastSeq: Int64 = 0
    private var loaded = false

    /// Slots per full segment (8 bytes each).
    let segmentSlots: Int

    init(segmentSlots: Int = 1 << 22) {
        precondition(segmentSlots >= 1 << 16 && segmentSlots & (segmentSlots - 1) == 0, "a power of two ≥ 65,536")
        self.segmentSlots = segmentSlots
    }

    /// Loads what is missing: all representatives on first use, later only those after ``lastSeq``.
    func catchUp(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, bands FROM documents WHERE seq > ? AND bands IS NOT NULL ORDER BY seq",
            arguments: [loaded ? lastSeq : 0])
        while let row = try rows.next() {
            let data: Data = row["bands"]
            add(seq: row["seq"], bandKeys: Self.decode(data))
        }
        if let maximum = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM documents") { lastSeq = max(lastSeq, maximum) }
        loaded = true
    }

    func add(seq: Int64, bandKeys: [Int64]) {
        for key in bandKeys { insert(Self.fingerprint(key), seq: UInt32(truncatingIfNeeded: seq)) }
        lastSeq = max(lastSeq, seq)
    }

    /// The representatives sharing at least one band with `bandKeys`, oldest first.
    func candidates(_ bandKeys: [Int64]) -> [Int64] {
        var found: [Int64] = []
        for key in bandKeys {
            let fingerprint = Self.fingerprint(key)
            for segment in segments {
                let mask = segment.count - 1
                var i = Int(Self.spread(fingerprint)) & mask
                while segment[i] != 0 {
                    if UInt32(truncatingIfNeeded: segment[i] >> 32) == fingerprint {
                        let seq = Int64(UInt32(truncatingIfNeeded: segment[i]))
                        if !found.contains(seq) { found.append(seq) }
                    }
                    i = (i + 1) & mask
                }
            }
        }
        return found.sorted()
    }

    private func insert(_ fingerprint: UInt32, seq: UInt32) {
        makeRoom()
        place(UInt64(fingerprint) << 32 | UInt64(seq))
    }

    /// Opens a new segment when the last is three-quarters full. Only the first segment starts
    /// small (a small store stays small); it doubles in place until it reaches full size.
    private func makeRoom() {
        guard let last = segments.last else {
            segments = [[UInt64](repeating: 0, count: 1 << 16)]
            return
        }
        guard (usedInLast + 1) * 4 > last.count * 3 else { return }
        if last.count < segmentSlots {
            let old = segments.removeLast()
            segments.append([UInt64](repeating: 0, count: old.count * 2))
            usedInLast = 0
            for entry in old where entry != 0 { place(entry) }
        } else {
            segments.append([UInt64](repeating: 0, count: segmentSlots))
            usedInLast = 0
        }
    }

    private func place(_ entry: UInt64) {
        let last = segments.count - 1
        let mask = segments[last].count - 1
        var i = Int(Self.spread(UInt32(truncatingIfNeeded: entry >> 32))) & mask
        while segments[last][i] != 0 {
            if segments[last][i] == entry { return }
            i = (i + 1) & mask
        }
        segments[last][i] = entry
        usedInLast += 1
    }

    /// Fingerprint 0 is reserved so that an empty slot (0) never matches.
    private static func fingerprint(_ key: Int64) -> UInt32 {
        let folded = UInt32(truncatingIfNeeded: UInt64(bitPattern: key) ^ (UInt64(bitPattern: key) >> 32))
        return folded == 0 ? 1 : folded
    }

    private static func spread(_ x: UInt32) -> UInt32 { x &* 0x9E37_79B1 }

    static func encode(_ keys: [Int64]) -> Data {
        var data = Data(capacity: keys.count * 8)
        for key in keys { withUnsafeBytes(of: key.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func decode(_ data: Data) -> [Int64] {
        stride(from: 0, to: data.count - 7, by: 8).map { offset in
            data.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int64.self)) }
        }
    }
}
