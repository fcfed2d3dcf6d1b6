extension StringProtocol {
    /// Whether every byte of the text is ASCII, checked eight bytes at a time.
    public var isASCII: Bool {
        if let answer = utf8.withContiguousStorageIfAvailable({ Self.allASCII($0) }) { return answer }
        return utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the text holds anything but white space, without copying it.
    public var hasVisibleCharacters: Bool {
        unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    private static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
