import Foundation

/// Something bytes can be read from in chunks.
protocol ByteSource {
    /// Reads up to `count` bytes, appending them to `buffer`; returns how many were read (0 at end).
    func read(into buffer: inout [UInt8], count: Int) throws(InputProblem) -> Int
}

/// Bytes already in memory (a UTF-16 file converted to UTF-8), read as if from a file.
final class MemoryBytes: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: inout [UInt8], count: Int) throws(InputProblem) -> Int {
        let n = min(count, bytes.count - offset)
        buffer.append(contentsOf: bytes[offset..<(offset + n)])
        offset += n
        return n
    }
}

/// Reads a file in fixed-size chunks with `read(2)`, so that multi-gigabyte JSON Lines and CSV
/// files stream through a bounded buffer.
final class ChunkedFile: ByteSource {
    private let descriptor: Int32
    let path: String

    init(path: String) throws(InputProblem) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputProblem.unreadable(String(cString: strerror(errno))) }
    }

    /// Reused for every read.
    private var chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)

    deinit {
        close(descriptor)
        chunk.deallocate()
    }

    func read(into buffer: inout [UInt8], count: Int) throws(InputProblem) -> Int {
        if chunk.count < count {
            chunk.deallocate()
            chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
        }
        let got = Foundation.read(descriptor, chunk.baseAddress, count)
        guard got >= 0 else { throw InputProblem.unreadable(String(cString: strerror(errno))) }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<got]))
        return got
    }
}

/// Splits a streamed file into records at line feeds (optionally only outside double quotes, for
/// CSV), calling back with each record's bytes and its first line number.
struct RecordSplitter {
    var quoteAware: Bool
    var maxRecordBytes: Int

    /// Calls `body(record, firstLine, endsWithNewline)` for every record; `progress` with bytes read.
    func split(
        _ file: some ByteSource,
        body: (UnsafeBufferPointer<UInt8>, Int, Bool) throws -> Void,
        oversized: (Int, Int) throws -> Void,
        progress: (Int) throws -> Void
    ) throws {
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 21)
        var line = 1
        var recordStart = 0
        var recordLine = 1
        var inQuotes = false
        var scan = 0
        var skipping = false  // inside an oversized record, discarding until its end
        var skippedBytes = 0

        while true {
            let got = try file.read(into: &buffer, count: 1 << 20)
            if got > 0 { try progress(got) }
            let atEnd = got == 0
            try buffer.withUnsafeBufferPointer { b in
                while scan < b.count {
                    let byte = b[scan]
                    if quoteAware, byte == 0x22 {
                        inQuotes.toggle()
                    } else if byte == 0x0A {
                        line += 1
                        if !inQuotes {
                            if skipping {
                                try oversized(recordLine, skippedBytes + scan - recordStart)
                                skipping = false
                            } else {
                                try body(UnsafeBufferPointer(rebasing: b[recordStart..<scan]), recordLine, true)
                            }
                            recordStart = scan + 1
                            recordLine = line
                        }
                    }
                    scan += 1
                }
            }
            if atEnd { break }
            // Drop consumed bytes; keep the partial record.
            if recordStart > 0 {
                buffer.removeFirst(recordStart)
                scan -= recordStart
                recordStart = 0
            }
            if buffer.count > maxRecordBytes {
                skipping = true
                skippedBytes += buffer.count
                buffer.removeAll(keepingCapacity: true)
                scan = 0
            }
        }
        if skipping {
            try oversized(recordLine, skippedBytes + buffer.count - recordStart)
        } else if recordStart < buffer.count {
            try buffer.withUnsafeBufferPointer { b in
                try body(UnsafeBufferPointer(rebasing: b[recordStart...]), recordLine, false)
            }
        }
    }
}
