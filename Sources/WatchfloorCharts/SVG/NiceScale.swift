import Foundation

/// Axis ticks at round numbers (1, 2, 5 × 10ⁿ) covering 0…maximum.
struct NiceScale {
    let maximum: Double
    let step: Double

    /// - Parameter minimumStep: the smallest step between ticks (1 for counts: no "1.5 reports").
    init(maximum raw: Double, ticks: Int = 5, minimumStep: Double = 0) {
        let span = max(raw, 1)
        let rough = span / Double(max(ticks, 1))
        let magnitude = pow(10, floor(log10(rough)))
        let residual = rough / magnitude
        let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        step = max(nice * magnitude, minimumStep)
        maximum = ceil(span / step) * step
    }

    var ticks: [Double] {
        stride(from: 0, through: maximum + step / 2, by: step).map { $0 }
    }

    static func label(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        return String(format: "%.1f", value)
    }
}
