import Testing
import Watchfloor
import WatchfloorCoding

/// Dates, explicit and relative, resolved against the publication day (2025-10-24, a Friday).
@Suite struct CoderDateTests {
    private func date(_ phrase: String, published: String? = "2025-10-24") -> String? {
        let text = "Officials delivered rice to bereaved families in Hyesan \(phrase)."
        return Shipped.code(text, published: published).first?.date.map { "\($0.day) \($0.precision.rawValue)" }
    }

    private func koreanDate(_ phrase: String) -> String? {
        let text = "\(phrase) 혜산시에서 유가족들에게 쌀을 전달했다."
        return Shipped.code(text).first?.date.map { "\($0.day) \($0.precision.rawValue)" }
    }

    @Test func explicitEnglishDates() {
        #expect(date("on 24 October 2025") == "2025-10-24 day")
        #expect(date("on October 3, 2025") == "2025-10-03 day")
        #expect(date("on Oct. 3") == "2025-10-03 day")
        #expect(date("on Sept. 28") == "2025-09-28 day")
        #expect(date("on 2025-10-02") == "2025-10-02 day")
        #expect(date("in August") == "2025-08-01 month")
        #expect(date("in December") == "2024-12-01 month")
        #expect(date("in 2024") == "2024-01-01 year")
    }

    @Test func relativeEnglishDates() {
        #expect(date("yesterday") == "2025-10-23 day")
        #expect(date("on Monday") == "2025-10-20 day")
        #expect(date("last week") == "2025-10-13 day")
        #expect(date("earlier this month") == "2025-10-01 month")
        #expect(date("last month") == "2025-09-01 month")
        #expect(date("last year") == "2024-01-01 year")
        #expect(date("this Chuseok") == "2025-10-06 day")
        #expect(date("last Chuseok", published: "2026-01-15") == "2025-10-06 day")
    }

    @Test func koreanDates() {
        #expect(koreanDate("2025년 10월 3일") == "2025-10-03 day")
        #expect(koreanDate("10월 3일") == "2025-10-03 day")
        #expect(koreanDate("14일") == "2025-10-14 day")
        #expect(koreanDate("지난달") == "2025-09-01 month")
        #expect(koreanDate("지난 추석") == "2025-10-06 day")
        #expect(koreanDate("어제") == "2025-10-23 day")
    }

    /// The date words of Russian, Ukrainian, German, Spanish, Japanese and Chinese are built in
    /// like the English ones (here inside an English sentence, so that only the date differs).
    @Test func datesInOtherLanguages() {
        #expect(date("29 августа 2025 года") == "2025-08-29 day")
        #expect(date("в августе") == "2025-08-01 month")
        #expect(date("3 жовтня") == "2025-10-03 day")
        #expect(date("am 3. Oktober 2025") == "2025-10-03 day")
        #expect(date("el 29 de agosto de 2025") == "2025-08-29 day")
        #expect(date("el 3 de octubre") == "2025-10-03 day")
        #expect(date("2025年8月29日") == "2025-08-29 day")
        #expect(date("10月3日") == "2025-10-03 day")
        #expect(date("２０２５年８月２９日") == "2025-08-29 day")
        #expect(date("вчера") == "2025-10-23 day")
        #expect(date("минулого тижня") == "2025-10-13 day")
        #expect(date("先週") == "2025-10-13 day")
        #expect(date("上个月") == "2025-09-01 month")
        #expect(date("el mes pasado") == "2025-09-01 month")
        #expect(date("gestern") == "2025-10-23 day")
    }

    @Test func relativeDatesNeedAPublicationDay() {
        #expect(date("last week", published: nil) == nil)
        #expect(date("on 24 October 2025", published: nil) == "2025-10-24 day")
    }
}
