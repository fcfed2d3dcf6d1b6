import Foundation
import GRDB
import Watchfloor

/// The locality-sensitive index of story representatives, held in memory.
///
/// A B-tree of random band keys in SQLite costs a write of nearly every index page on every
/// commit once the index outgrows a batch (each insert lands on a different page), which made a
/// bulk ingest quadratic. The band keys are therefore stored with each representative document
/// (`documents.bands`, no index) and looked up here: an open-addressing table of 8-byte entries,
/// each packing a 32-bit fingerprint of a band key with the representative's 32-bit `seq`, and
/// beside it each representative's publication day (two bytes a document). A fingerprint
/// collision only yields a spurious candidate, which the exact similarity check rejects. The
/// table grows by adding fixed-size segments rather than by rehashing into one twice as large,
/// so that memory never holds an old and a new copy at once (the 1 GB ingest must stay under
/// 300 MB): 1.4 million documents with 8 bands take four 32 MiB segments.
///
/// Work is bounded whatever the input:
/// - a story is only joined within its time window, so candidates are filtered by day first;
/// - at most ``keysPerFingerprint`` representatives are kept per band key and segment (a
///   templated feed, whose every record shares a band with every other, would otherwise make each
///   lookup walk all earlier records): the one with the oldest day gives way, since reporting
///   arrives roughly in order and old stories are outside the window of new reports;
/// - ``candidates(_:day:window:limit:)`` returns at most `limit` representatives, those sharing the
///   most bands first, so the exact check (which re-reads a text) runs a bounded number of times.
///
/// The index catches up with documents written by other processes: before each batch it loads
/// the representatives stored since the last one it saw.
final class NearDuplicateIndex: @unchecked Sendable {
    /// Open-addressing segments; only the last one takes new entries.
    private var segments: [[UInt64]] = []
    private var usedInLast = 0
    /// Per `seq`: the representative's day, as days since 1970 offset by ``dayOffset`` (0: none).
    private var days: [UInt16] = []
    /// The highest `seq` whose bands are in the table.
    private(set) var lastSeq: Int64 = 0
    private var loaded = false

    /// Slots per full segment (8 bytes each).
    let segmentSlots: Int
    /// Representatives kept per band key (per segment).
    static let keysPerFingerprint = 32
    /// Days are stored from 1900-01-01, so that any day of modern reporting fits in 16 bits.
    private static let dayOffset = -25_567

    init(segmentSlots: Int = 1 << 22) {
        precondition(segmentSlots >= 1 << 16 && segmentSlots & (segmentSlots - 1) == 0, "a power of two ≥ 65,536")
        self.segmentSlots = segmentSlots
    }

    /// Loads what is missing: all representatives on first use, later only those after ``lastSeq``.
    func catchUp(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, day, bands FROM documents WHERE seq > ? AND bands IS NOT NULL ORDER BY seq",
            arguments: [loaded ? lastSeq : 0])
        while let row = try rows.next() {
            let data: Data = row["bands"]
            let day: String = row["day"]
            add(seq: row["seq"], day: Day(day)?.ordinal ?? 0, bandKeys: Self.decode(data))
        }
        if let maximum = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM documents") { lastSeq = max(lastSeq, maximum) }
        loaded = true
    }

    /// Adds a representative published on `day` (days since 1970).
    func add(seq: Int64, day: Int, bandKeys: [Int64]) {
        let index = Int(seq)
        if index >= days.count { days.append(contentsOf: repeatElement(0, count: max(index + 1 - days.count, days.count / 2))) }
        days[index] = UInt16(clamping: max(1, day - Self.dayOffset))
        for key in bandKeys { insert(Self.fingerprint(key), seq: UInt32(truncatingIfNeeded: seq)) }
        lastSeq = max(lastSeq, seq)
    }

    /// The representatives published within `window` days of `day` that share at least one band
    /// with `bandKeys`: at most `limit`, those sharing the most bands first, then the nearest in
    /// time, then the most recent.
    func candidates(_ bandKeys: [Int64], day: Int, window: Int, limit: Int = 8) -> [Int64] {
        var found: [UInt32] = []
        let stored = day - Self.dayOffset
        for key in bandKeys {
            let fingerprint = Self.fingerprint(key)
            for segment in segments {
                let mask = segment.count - 1
                var i = Int(Self.spread(fingerprint)) & mask
                while segment[i] != 0 {
                    if UInt32(truncatingIfNeeded: segment[i] >> 32) == fingerprint {
                        let seq = UInt32(truncatingIfNeeded: segment[i])
                        if abs(Int(days[Int(seq)]) - stored) <= window { found.append(seq) }
                    }
                    i = (i + 1) & mask
                }
            }
        }
        guard !found.isEmpty else { return [] }
        found.sort()
        var ranked: [(seq: UInt32, shared: Int, distance: Int)] = []
        var start = 0
        while start < found.count {
            var end = start + 1
            while end < found.count, found[end] == found[start] { end += 1 }
            ranked.append((found[start], end - start, abs(Int(days[Int(found[start])]) - stored)))
            start = end
        }
        ranked.sort { ($0.shared, -$0.distance, $0.seq) > ($1.shared, -$1.distance, $1.seq) }
        return ranked.prefix(limit).map { Int64($0.seq) }
    }

    private func insert(_ fingerprint: UInt32, seq: UInt32) {
        makeRoom()
        let entry = UInt64(fingerprint) << 32 | UInt64(seq)
        let last = segments.count - 1
        let mask = segments[last].count - 1
        var i = Int(Self.spread(fingerprint)) & mask
        var same = 0
        var oldest: (slot: Int, day: UInt16)?
        while segments[last][i] != 0 {
            let occupant = segments[last][i]
            if occupant == entry { return }
            if UInt32(truncatingIfNeeded: occupant >> 32) == fingerprint {
                same += 1
                let day = days[Int(UInt32(truncatingIfNeeded: occupant))]
                if oldest == nil || day < oldest!.day { oldest = (i, day) }
            }
            i = (i + 1) & mask
        }
        if same >= Self.keysPerFingerprint, let oldest {
            segments[last][oldest.slot] = entry
            return
        }
        segments[last][i] = entry
        usedInLast += 1
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

    /// Re-places an entry while a segment doubles (no cap needed: it was within the cap before).
    private func place(_ entry: UInt64) {
        let last = segments.count - 1
        let mask = segments[last].count - 1
        var i = Int(Self.spread(UInt32(truncatingIfNeeded: entry >> 32))) & mask
        while segments[last][i] != 0 { i = (i + 1) & mask }
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
