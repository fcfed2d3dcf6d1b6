import Testing
import Watchfloor

@Suite struct DayIntervalTests {
    @Test func intersectionIsTheSharedDaysOrNothing() {
        let september = DayInterval(first: Day("2025-09-01")!, last: Day("2025-09-30")!)
        let lateAugustToMidSeptember = DayInterval(first: Day("2025-08-20")!, last: Day("2025-09-15")!)
        #expect(september.intersection(lateAugustToMidSeptember) == DayInterval(first: Day("2025-09-01")!, last: Day("2025-09-15")!))
        #expect(september.intersection(september) == september)
        #expect(september.intersection(DayInterval(first: Day("2025-10-01")!, last: Day("2025-10-02")!)) == nil)
    }
}
