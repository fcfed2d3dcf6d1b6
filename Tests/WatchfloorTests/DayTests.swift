import Testing
import Watchfloor

@Suite struct DayTests {
    @Test func parsesAndPrintsISODates() {
        let day = Day("2025-10-24")
        #expect(day?.description == "2025-10-24")
        #expect(Day("2025-10-24T09:30:00Z") == day)
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2024-02-29")?.description == "2024-02-29")
        #expect(Day("24-10-2025") == nil)
        #expect(Day("") == nil)
    }

    @Test func ordinalArithmeticIsExact() {
        let epoch = Day(year: 1970, month: 1, day: 1)!
        #expect(epoch.ordinal == 0)
        #expect(Day(year: 2000, month: 3, day: 1)!.ordinal == 11_017)
        #expect(Day("2025-01-01")! - Day("2024-01-01")! == 366)
        #expect(Day("2024-12-31")!.adding(days: 1).description == "2025-01-01")
        for ordinal in stride(from: -800_000, to: 800_000, by: 997) {
            let day = Day(ordinal: ordinal)
            #expect(Day(year: day.year, month: day.month, day: day.day) == day)
        }
    }

    /// Found by fuzzing: a year read from ninety digits overflowed the day count.
    @Test func yearsBeyondAMillionAreNotDays() {
        #expect(Day(year: 6_148_914_691_236_517_206, month: 10, day: 20) == nil)
        #expect(Day(year: Int.min, month: 1, day: 1) == nil)
        #expect(Day(year: 1_000_000, month: 12, day: 31) != nil)
    }

    @Test func weeksStartOnMonday() {
        let thursday = Day("2025-10-23")!
        #expect(thursday.weekday == 4)
        #expect(thursday.weekStart.description == "2025-10-20")
        #expect(Day("2025-10-26")!.weekStart.description == "2025-10-20")
        #expect(Day("2025-10-27")!.weekStart.description == "2025-10-27")
    }

    @Test func monthArithmeticClampsToMonthLength() {
        #expect(Day("2025-01-31")!.adding(months: 1).description == "2025-02-28")
        #expect(Day("2025-03-15")!.adding(months: -3).description == "2024-12-15")
        #expect(Day("2025-03-15")!.monthStart.description == "2025-03-01")
    }

    @Test func eventDatesPrintTheirPrecision() {
        let day = Day("2025-09-01")!
        #expect(EventDate(day: day, precision: .month).description == "2025-09")
        #expect(EventDate(day: day, precision: .year).description == "2025")
    }
}
