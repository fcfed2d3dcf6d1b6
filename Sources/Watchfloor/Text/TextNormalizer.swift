import Foundation

/// The one normalisation every document's text goes through before it is hashed, stored and
/// coded, so that copies of a story that differ only in typography get the same id.
///
/// - Unicode NFC (so `유` written as conjoining jamo equals the precomposed syllable);
/// - typographic quotes and primes folded to ASCII `'` and `"`;
/// - every kind of space (no-break, thin, ideographic, tab) becomes one ASCII space, and runs of
///   spaces collapse to one;
/// - invisible characters (zero-width space, byte-order mark, soft hyphen, control characters)
///   are removed;
/// - line breaks (`\r\n`, `\r`, U+2028, U+2029, U+0085) become `\n`; lines are trimmed; a blank
///   line separates paragraphs and runs of blank lines collapse to one;
/// - the text is trimmed.
///
/// ```swift
/// TextNormalizer.normalize("  “No gifts”\u{00A0}arrived.\r\n\r\n\r\nNext")  // "\"No gifts\" arrived.\n\nNext"
/// ```
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var composed = text
        if !text.isASCII {
            composed = text.precomposedStringWithCanonicalMapping
        }
        return composed.utf8.withContiguousStorageIfAvailable { normalize(utf8: $0) }
            ?? normalize(utf8: Array(composed.utf8).withUnsafeBufferPointer { $0 })
    }

    private static func normalize(utf8 input: UnsafeBufferPointer<UInt8>) -> String {
        var output = [UInt8]()
        output.reserveCapacity(input.count)
        var pendingSpace = false
        var pendingNewlines = 0
        var i = 0
        let n = input.count

        @inline(__always) func emit(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) {
            if !output.isEmpty {
                if pendingNewlines > 0 {
                    output.append(0x0A)
                    if pendingNewlines > 1 { output.append(0x0A) }
                } else if pendingSpace {
                    output.append(0x20)
                }
            }
            pendingSpace = false
            pendingNewlines = 0
            output.append(contentsOf: bytes)
        }
        @inline(__always) func emitASCII(_ byte: UInt8) {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { buffer in
                buffer[0] = byte
                emit(UnsafeBufferPointer(buffer)[...])
            }
        }
        @inline(__always) func newline() {
            pendingNewlines += 1
            pendingSpace = false
        }

        while i < n {
            let byte = input[i]
            if byte < 0x80 {
                switch byte {
                case 0x0A: newline()
                case 0x0D:
                    newline()
                    if i + 1 < n, input[i + 1] == 0x0A { i += 1 }
                case 0x20, 0x09, 0x0B, 0x0C: pendingSpace = true
                case 0x00..<0x20, 0x7F: break  // other control characters
                default:
                    // Copy a run of ordinary ASCII in one go.
                    var j = i + 1
                    while j < n, input[j] > 0x20, input[j] < 0x7F { j += 1 }
                    emit(input[i..<j])
                    i = j
                    continue
                }
                i += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let end = min(i + length, n)
            let b1 = i + 1 < n ? input[i + 1] : 0
            let b2 = i + 2 < n ? input[i + 2] : 0
            switch (byte, b1, b2) {
            case (0xC2, 0x85, _): newline()  // NEL
            case (0xC2, 0x80...0x9F, _), (0xC2, 0xAD, _): break  // C1 controls, soft hyphen
            case (0xC2, 0xA0, _): pendingSpace = true  // no-break space
            case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
                pendingSpace = true  // en/em/thin/hair/narrow/ideographic spaces
            case (0xE2, 0x80, 0x8B), (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF): break  // ZWSP, word joiner, BOM
            case (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9): newline()  // line / paragraph separator
            case (0xE2, 0x80, 0x98...0x9B), (0xE2, 0x80, 0xB2): emitASCII(0x27)  // ‘ ’ ‚ ‛ ′
            case (0xE2, 0x80, 0x9C...0x9F), (0xE2, 0x80, 0xB3): emitASCII(0x22)  // “ ” „ ‟ ″
            default: emit(input[i..<end])
            }
            i = end
        }
        return String(decoding: output, as: UTF8.self)
    }
}
