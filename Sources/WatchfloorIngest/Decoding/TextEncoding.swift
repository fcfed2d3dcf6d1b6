import Watchfloor

/// The character encodings ingest reads. `auto` detects: a byte-order mark, then valid UTF-8,
/// then the legacy Korean encodings that Korean sites still serve.
public enum TextEncoding: String, CaseIterable, Sendable, CustomStringConvertible {
    case auto
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// EUC-KR is decoded as CP949 (its superset): glibc's EUC-KR converter drops bad bytes silently.
    case eucKR = "euc-kr"
    case cp949
    /// Western legacy encodings some older pages and feeds still declare.
    case latin1 = "iso-8859-1"
    case windows1252 = "windows-1252"

    public var description: String { rawValue }

    /// Parses a name as written in `--encoding`, an HTML `<meta charset>` or an XML declaration.
    public init?(label: some StringProtocol) {
        switch label.lowercased().trimmingWhitespace() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "euc-kr", "euckr", "ks_c_5601-1987", "ksc5601", "korean": self = .eucKR
        case "cp949", "ms949", "uhc", "windows-949", "x-windows-949": self = .cp949
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1": self = .latin1
        case "windows-1252", "cp1252": self = .windows1252
        default: return nil
        }
    }
}
