import Foundation
import Watchfloor

/// Turns the bytes of a file into text, detecting the encoding when it is not named, and says
/// precisely why when it cannot.
public struct TextDecoder: Sendable {
    /// What was decoded and how.
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: TextEncoding
    }

    public init() {}

    /// Decodes `bytes`.
    ///
    /// - Parameters:
    ///   - declared: the encoding named by the user (`--encoding`); `.auto` to detect.
    ///   - hint: an encoding the content itself declares (an HTML `<meta charset>`, an XML
    ///     declaration), used when the bytes are not valid UTF-8.
    public func decode(_ bytes: [UInt8], declared: TextEncoding = .auto, hint: TextEncoding? = nil)
        throws(InputProblem) -> Decoded
    {
        try bytes.withUnsafeBufferPointer { buffer throws(InputProblem) in
            try decode(buffer, declared: declared, hint: hint)
        }
    }

    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, declared: TextEncoding = .auto, hint: TextEncoding? = nil)
        throws(InputProblem) -> Decoded
    {
        switch declared {
        case .utf8: return Decoded(text: try utf8(bytes), encoding: .utf8)
        case .utf16LE, .utf16BE: return Decoded(text: try utf16(bytes, encoding: declared), encoding: declared)
        case .eucKR, .cp949: return Decoded(text: try cp949(bytes, named: declared), encoding: declared)
        case .latin1, .windows1252: return Decoded(text: try western(bytes, encoding: declared), encoding: declared)
        case .auto: break
        }
        if let bom = ByteOrderMark.detect(bytes) {
            let body = UnsafeBufferPointer(rebasing: bytes[bom.length...])
            switch bom {
            case .utf8: return Decoded(text: try utf8(body), encoding: .utf8)
            case .utf16LE: return Decoded(text: try utf16(body, encoding: .utf16LE), encoding: .utf16LE)
            case .utf16BE: return Decoded(text: try utf16(body, encoding: .utf16BE), encoding: .utf16BE)
            case .utf32: throw InputProblem.unsupportedEncoding("UTF-32 (byte-order mark found); convert the file to UTF-8")
            }
        }
        if let binary = BinarySniffer.describe(bytes) {
            throw InputProblem.binary(binary)
        }
        switch UTF8Validation.firstInvalidOffset(bytes) {
        case nil:
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
        case let offset?:
            if hint == .eucKR || hint == .cp949 || CP949Validation.looksKorean(bytes) {
                return Decoded(text: try cp949(bytes, named: hint ?? .cp949), encoding: hint ?? .cp949)
            }
            if let hint, hint == .latin1 || hint == .windows1252 {
                return Decoded(text: try western(bytes, encoding: hint), encoding: hint)
            }
            throw InputProblem.invalidUTF8(
                line: LineCounter.line(ofOffset: offset, in: bytes), byteOffset: offset)
        }
    }

    private func utf8(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputProblem) -> String {
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            throw InputProblem.invalidUTF8(line: LineCounter.line(ofOffset: offset, in: bytes), byteOffset: offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func utf16(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding) throws(InputProblem) -> String {
        guard bytes.count % 2 == 0 else {
            throw InputProblem.truncated("UTF-16 text has an odd number of bytes (\(bytes.count)); the file ends mid-character")
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(encoding == .utf16LE ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var text = ""
        text.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var index = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.unicodeScalars.append(scalar)
                index += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error:
                throw InputProblem.invalidText(
                    "invalid \(encoding) at byte offset \(index * 2) (an unpaired surrogate); expected \(encoding) text")
            }
        }
        if text.unicodeScalars.contains("\u{0}") {
            throw InputProblem.binary("NUL characters inside \(encoding) text")
        }
        return text
    }

    private func western(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding) throws(InputProblem) -> String {
        let foundation: String.Encoding = encoding == .latin1 ? .isoLatin1 : .windowsCP1252
        guard let text = String(data: Data(buffer: bytes), encoding: foundation) else {
            throw InputProblem.invalidText("cannot decode the text as \(encoding)")
        }
        return text
    }

    private func cp949(_ bytes: UnsafeBufferPointer<UInt8>, named: TextEncoding) throws(InputProblem) -> String {
        if let offset = CP949Validation.firstInvalidOffset(bytes) {
            throw InputProblem.invalidText(
                "invalid \(named) at line \(LineCounter.line(ofOffset: offset, in: bytes)) (byte offset \(offset)); "
                    + "expected \(named) text")
        }
        guard let text = String(data: Data(buffer: bytes), encoding: String.Encoding(rawValue: 0x8000_0422)) else {
            throw InputProblem.invalidText("cannot decode the text as \(named)")
        }
        return text
    }
}

enum ByteOrderMark {
    case utf8, utf16LE, utf16BE, utf32

    var length: Int {
        switch self {
        case .utf8: 3
        case .utf16LE, .utf16BE: 2
        case .utf32: 4
        }
    }

    static func detect(_ b: UnsafeBufferPointer<UInt8>) -> ByteOrderMark? {
        if b.count >= 4, (b[0], b[1], b[2], b[3]) == (0xFF, 0xFE, 0, 0) || (b[0], b[1], b[2], b[3]) == (0, 0, 0xFE, 0xFF) {
            return .utf32
        }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return .utf8 }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return .utf16LE }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return .utf16BE }
        return nil
    }
}

/// Recognises content that is not text at all, to reject it with a useful name.
enum BinarySniffer {
    static func describe(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { b.count >= magic.count && zip(b, magic).allSatisfy { $0 == $1 } }
        if starts([0x25, 0x50, 0x44, 0x46]) { return "a PDF document" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive (or a .docx/.xlsx)" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts([0x47, 0x49, 0x46, 0x38]) { return "a GIF image" }
        if starts([0x1F, 0x8B]) { return "gzip-compressed data" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "an executable (ELF)" }
        if starts(Array("SQLite format 3".utf8)) { return "an SQLite database" }
        let window = b.prefix(8192)
        // Binary files are full of NULs; one stray NUL in a text file (a bad record of a JSON
        // Lines export) is that record's problem, not the file's.
        let nuls = window.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nuls >= max(3, window.count / 200), let nul = window.firstIndex(of: 0) {
            return "binary data (\(nuls) NUL bytes in the first \(window.count), the first at offset \(nul))"
        }
        let controls = window.reduce(0) { $0 + (($1 < 0x09 || ($1 > 0x0D && $1 < 0x20)) ? 1 : 0) }
        if window.count >= 64, controls * 10 > window.count { return "binary data (\(controls) control bytes in the first \(window.count))" }
        return nil
    }
}

enum UTF8Validation {
    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or `nil`.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            // Skip ASCII eight bytes at a time.
            if i + 8 <= n {
                let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let lead = b[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minSecond: UInt8 = 0x80
            var maxSecond: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            guard (minSecond...maxSecond).contains(b[i + 1]) else { return i }
            for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

enum CP949Validation {
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            guard (0x81...0xFE).contains(lead), i + 1 < b.count else { return i }
            let trail = b[i + 1]
            guard (0x41...0x5A).contains(trail) || (0x61...0x7A).contains(trail) || (0x81...0xFE).contains(trail) else {
                return i
            }
            i += 2
        }
        return nil
    }

    /// Whether bytes that are not UTF-8 read as Korean in CP949: structurally valid, and most
    /// two-byte characters fall in the KS X 1001 Hangul block (lead 0xB0–0xC8, trail 0xA1–0xFE).
    static func looksKorean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard firstInvalidOffset(b) == nil else { return false }
        var pairs = 0
        var hangul = 0
        var i = 0
        while i < b.count {
            if b[i] < 0x80 {
                i += 1
                continue
            }
            pairs += 1
            if (0xB0...0xC8).contains(b[i]), (0xA1...0xFE).contains(b[i + 1]) { hangul += 1 }
            i += 2
        }
        return pairs > 0 && hangul * 2 >= pairs
    }
}

enum LineCounter {
    /// The 1-based line on which byte `offset` lies.
    static func line(ofOffset offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for i in 0..<min(offset, b.count) where b[i] == 0x0A { line += 1 }
        return line
    }
}
