/// The stems a Korean verb takes in its regular conjugations, so that one cue, `숨지~`, matches
/// 숨지다, 숨지고, 숨져, 숨졌다, 숨진, 숨질, 숨짐, 숨집니다.
///
/// A stem whose last syllable ends in a consonant (받, 끊기지 않 …) keeps it in every ending, so the
/// stem itself is enough (받아, 받았다, 받은). A stem ending in a vowel changes its last syllable:
///
/// | ending | how | 다치 | 보내 | 미루 | 하 |
/// |---|---|---|---|---|---|
/// | -ㄴ, -ㄹ, -ㅁ, -ㅂ (adnominal, future, noun, formal) | a final consonant | 다친, 다칠 | 보낸, 보낼 | 미룬, 미룰 | 한, 할 |
/// | -아/어 (connective) | the vowel contracts | 다쳐 | 보내 | 미뤄 | 해 |
/// | -았/었 (past) | the contracted vowel with ㅆ | 다쳤 | 보냈 | 미뤘 | 했 |
///
/// Uncontracted endings (North Korean 되였다, 하였다) start with the stem and need nothing. Irregular
/// verbs (ㄷ, ㅂ, ㅅ, 르, ㄹ-dropping: 듣다 → 들어, 돕다 → 도와) are not derived: list their forms.
public enum KoreanStem {
    private static let base: UInt32 = 0xAC00
    private static let finals: UInt32 = 28
    private static let medials: UInt32 = 21

    /// Whether `scalar` is a precomposed Hangul syllable.
    public static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }

    /// The stems of `stem`'s conjugations, `stem` first; `[stem]` when its last syllable keeps.
    public static func forms(of stem: String) -> [String] {
        var scalars = Array(stem.unicodeScalars)
        guard let last = scalars.popLast(), isSyllable(last) else { return [stem] }
        let index = last.value - base
        let initial = index / (medials * finals)
        let medial = (index / finals) % medials
        guard index % finals == 0 else { return [stem] }
        let prefix = String(String.UnicodeScalarView(scalars))
        func syllable(_ initial: UInt32, _ medial: UInt32, _ final: UInt32) -> String {
            String(Unicode.Scalar(base + (initial * medials + medial) * finals + final)!)
        }
        // ㄴ (4), ㄹ (8), ㅁ (16), ㅂ (17): 다친, 다칠, 다침, 다칩니다.
        var results = [stem] + [4, 8, 16, 17].map { prefix + syllable(initial, medial, $0) }
        if let contracted = contractedVowel(initial: initial, medial: medial, previous: scalars.last) {
            let connective = prefix + syllable(initial, contracted, 0)
            if connective != stem { results.append(connective) }
            results.append(prefix + syllable(initial, contracted, 20))  // ㅆ: the past
        }
        return results
    }

    /// The vowel of a vowel-final stem's last syllable once -아/-어 has merged into it.
    private static func contractedVowel(initial: UInt32, medial: UInt32, previous: Unicode.Scalar?) -> UInt32? {
        let (a, ae, eo, e, yeo, o, wa, wae, oe, u, wo, eu, i) = (
            UInt32(0), UInt32(1), UInt32(4), UInt32(5), UInt32(6), UInt32(8), UInt32(9), UInt32(10), UInt32(11),
            UInt32(13), UInt32(14), UInt32(18), UInt32(20)
        )
        let hieut = UInt32(18)
        switch medial {
        case a: return initial == hieut ? ae : a  // 하 → 해, 가 → 가
        case ae, eo, e, yeo: return medial  // 보내 → 보내, 서 → 서
        case o: return wa  // 오 → 와
        case oe: return wae  // 되 → 돼
        case u: return wo  // 미루 → 미뤄
        case i: return yeo  // 다치 → 다쳐
        case eu:
            // 쓰 → 써, but 아프 → 아파: the vowel before decides.
            if let previous, isSyllable(previous) {
                let before = ((previous.value - base) / finals) % medials
                if before == a || before == o { return a }
            }
            return eo
        default: return nil
        }
    }
}
