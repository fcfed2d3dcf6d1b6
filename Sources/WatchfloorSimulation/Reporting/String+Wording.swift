import Foundation

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    /// Replaces the first occurrence of `target` that is not part of a longer Latin-script word
    /// ("North Korea" in "North Korea's", not in "North Korean"); Hangul particles attach to
    /// words, so Korean targets match anywhere.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var searchFrom = startIndex
        while let range = range(of: target, range: searchFrom..<endIndex) {
            let before = range.lowerBound > startIndex ? self[index(before: range.lowerBound)] : " "
            let after = range.upperBound < endIndex ? self[range.upperBound] : " "
            let wordBefore = target.first!.isASCII && target.first!.isLetter && before.isASCII && before.isLetter
            let wordAfter = target.last!.isASCII && target.last!.isLetter && after.isASCII && after.isLetter
            if !wordBefore && !wordAfter { return replacingCharacters(in: range, with: replacement) }
            searchFrom = range.upperBound
        }
        return self
    }

    func capitalizingFirstLetter() -> String {
        guard let first, first.isLowercase else { return self }
        return first.uppercased() + dropFirst()
    }
}
