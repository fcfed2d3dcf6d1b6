import Watchfloor

/// A link target that came from a document (its `url` field): only `http` and `https` URLs
/// become links. Anything else — `javascript:`, `data:`, `vbscript:`, a relative path, a URL with
/// control characters — is shown as text, never followed.
///
/// ```swift
/// SafeURL("https://example.org/a?b=1")    // a link
/// SafeURL("javascript:alert(1)")         // nil
/// SafeURL(" JAVASCRIPT:alert(1)")        // nil
/// ```
struct SafeURL: Sendable, Hashable {
    let value: String

    init?(_ text: String?) {
        guard let text else { return nil }
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.count <= 2048, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        value = trimmed
    }
}
