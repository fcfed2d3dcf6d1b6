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
/// rejects. 1.4 million documents with 8 bands take 128 MiB.
///
/// The index catches up with documents written by other processes: before each batch it loads
/// the representatives stored since the last one it saw.
final class NearDuplicateIndex: @unchecked Sendable {
    private var slots: [UInt64] = []
    private var used = 0
    /// The highest `seq` whose bands are in the table.
    private(set) var lastSeq: Int64 = 0
    private var loaded = false

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
        guard !slots.isEmpty else { return [] }
        var found: [Int64] = []
        let mask = slots.count - 1
        for key in bandKeys {
            let fingerprint = Self.fingerprint(key)
            var i = Int(Self.spread(fingerprint)) & mask
            while slots[i] != 0 {
                if UInt32(truncatingIfNeeded: slots[i] >> 32) == fingerprint {
                    let seq = Int64(UInt32(truncatingIfNeeded: slots[i]))
                    if !found.contains(seq) { found.append(seq) }
                }
                i = (i + 1) & mask
            }
        }
        return found.sorted()
    }

    private func insert(_ fingerprint: UInt32, seq: UInt32) {
        if (used + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var i = Int(Self.spread(fingerprint)) & mask
        let entry = UInt64(fingerprint) << 32 | UInt64(seq)
        while slots[i] != 0 {
            if slots[i] == entry { return }
            i = (i + 1) & mask
        }
        slots[i] = entry
        used += 1
    }

    private func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: max(1 << 16, old.count * 2))
        used = 0
        for entry in old where entry != 0 {
            insert(UInt32(truncatingIfNeeded: entry >> 32), seq: UInt32(truncatingIfNeeded: entry))
        }
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
