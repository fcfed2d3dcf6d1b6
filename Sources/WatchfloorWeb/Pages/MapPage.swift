import WatchfloorCharts
import WatchfloorPipeline

/// `/map`: the provinces shaded by an indicator or by warning score, each a link.
enum MapPage {
    static func render(_ view: ProvinceMapView, days: Int) -> HTML {
        let title: String
        let unit: String
        switch view.measure {
        case .stories(let type):
            title = "\(type.displayName), last \(days) days"
            unit = "stories (syndicated copies counted once)"
        case .warningScore:
            title = "Highest warning score, warnings detected in the last \(days) days"
            unit = "score (0–1)"
        }
        let isScore = view.measure == .warningScore
        let format: @Sendable (Double) -> String
        if isScore { format = { value in Format.decimal(value) } } else { format = ProvinceMap.defaultFormat }
        let palette: ProvinceMap.Palette = isScore ? .reds : .blues
        let map = ProvinceMap(
            values: view.values, title: title, unit: unit, palette: palette, maximum: isScore ? 1.0 : nil,
            link: { Link.province($0) }, format: format, missing: isScore ? "no warning" : "0")
        let rows = Province.allCases.sorted { (view.values[$0] ?? 0, $1.code) > (view.values[$1] ?? 0, $0.code) }.map { province -> HTML in
            let value = view.values[province]
            let shown = value.map { isScore ? Format.decimal($0) : Format.count($0) } ?? (isScore ? "—" : "0")
            return "<tr><td><a href=\"\(Link.province(province))\">\(province.name)</a></td><td lang=\"ko\">\(province.koreanName)</td><td class=\"mono\">\(province.code)</td><td class=\"num\">\(shown)</td></tr>"
        }
        let choices = [("warnings", "Warning score")] + EventType.giftPolitics.map { ($0.rawValue, $0.displayName) }
        let national: HTML = view.nationalWarnings.isEmpty ? .empty : """
            <section class="panel"><h2>National warnings</h2><p class="muted small">These have no province, so the map cannot show them.</p>
            \(Components.warningList(view.nationalWarnings))</section>
            """
        return Layout(title: "Province map", section: .map).render("""
            <div class="page-head"><div><h1>Province map</h1><p class="sub">\(view.window.map { "\($0.first) to \($0.last)" } ?? "No reporting yet.")</p></div>
            <form class="filters" method="get" action="\(Link.map)">
            <label>Shade by<select name="indicator" data-autosubmit>\(Components.options(choices, selected: view.measure.parameter))</select></label>
            <label>Days<select name="days" data-autosubmit>\(Components.options([30, 90, 180, 365].map { (String($0), "last \($0) days") }, selected: String(days)))</select></label>
            <button type="submit">Show</button></form></div>
            <div class="grid two">
            <section class="panel map-wrap">\(HTML(trusted: map.svg()))</section>
            <section class="panel"><h2>By province</h2><div class="table-wrap"><table>
            <thead><tr><th>Province</th><th>Korean</th><th>Code</th><th class="num">\(isScore ? "Score" : "Stories")</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></section>
            </div>
            \(national)
            """)
    }
}
