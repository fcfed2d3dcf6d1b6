import WatchfloorPipeline

/// Pieces several pages share. Everything that came from a document or a request is escaped by
/// ``HTML``'s interpolation.
enum Components {
    // MARK: Warnings

    static func kind(_ kind: WarningKind) -> HTML {
        "<span class=\"kind \(kind.rawValue)\" title=\"\(kind.title)\">\(kind.rawValue)</span>"
    }

    static func score(_ value: Double) -> HTML {
        let clamped = min(max(value, 0), 1)
        return "<span class=\"score\" title=\"score or probability, 0 to 1\"><meter min=\"0\" max=\"1\" low=\"0.5\" high=\"0.8\" optimum=\"0\" value=\"\(Format.decimal(clamped))\">\(Format.decimal(clamped))</meter>\(Format.decimal(clamped))</span>"
    }

    static func place(_ province: Province?) -> HTML {
        guard let province else { return "<span class=\"muted\">national</span>" }
        return "<a href=\"\(Link.province(province))\">\(province.name)</a>"
    }

    static func warningList(_ warnings: [Warning]) -> HTML {
        guard !warnings.isEmpty else { return "<p class=\"empty\">No warnings.</p>" }
        let items = warnings.map { warning -> HTML in
            let types = warning.types.map(\.displayName).joined(separator: ", ")
            return """
                <li>\(kind(warning.kind))
                <div><a class="what" href="\(Link.warning(warning.id ?? 0))">\(warning.kind.title.capitalizedFirst)</a> · \(place(warning.province)) <span class="muted small">\(types)</span></div>
                \(score(warning.score))
                <div class="why">\(Format.firstSentence(warning.explanation))</div>
                <div class="when">onset \(text: warning.onset) · detected \(text: warning.detectedOn)</div>
                </li>
                """
        }
        return "<ul class=\"warning-list\">\(items)</ul>"
    }

    // MARK: Events

    static func status(_ status: ReviewStatus) -> HTML {
        "<span class=\"status \(status.rawValue)\">\(status.rawValue)</span>"
    }

    static func source(_ source: Source) -> HTML {
        "\(source.name) <span class=\"muted small\">\(source.kind.rawValue.replacingOccurrences(of: "_", with: " "))</span> <span class=\"grade\" title=\"Admiralty grade: \(source.reliability.meaning)\">\(source.reliability.rawValue)</span>"
    }

    static func type(_ type: EventType) -> HTML {
        "<span class=\"type\" title=\"\(type.displayName)\">\(type.rawValue)</span>"
    }

    /// An event's evidence sentence with its cues marked.
    static func evidence(_ event: Event) -> HTML {
        highlighted(HighlightedText.evidence(of: event))
    }

    /// Text with its highlights as flat spans (no nesting, so overlapping highlights stay valid).
    static func highlighted(_ text: HighlightedText, eventColors: [Int64: Int] = [:], anchors: Bool = false) -> HTML {
        var out = HTML.empty
        for segment in text.segments {
            if anchors {
                for mark in segment.opening where mark.kind == .sentence {
                    if let id = mark.event { out += "<span id=\"event-\(id)\" class=\"anchor\"></span>" }
                }
            }
            var classes: [String] = []
            if let sentence = segment.marks.first(where: { $0.kind == .sentence }) {
                classes.append("sentence")
                if let id = sentence.event, let color = eventColors[id] { classes.append("e\(color)") }
            }
            let cues = segment.marks.filter { $0.kind == .cue }
            if !cues.isEmpty { classes.append("cue") }
            if segment.marks.contains(where: { $0.kind == .match }) {
                out += "<mark>\(segment.text)</mark>"
            } else if classes.isEmpty {
                out += "\(segment.text)"
            } else {
                let roles = Set(cues.compactMap(\.role)).sorted().joined(separator: ", ")
                let title: HTML = roles.isEmpty ? .empty : " title=\"cue: \(roles)\""
                out += "<span class=\"\(classes.joined(separator: " "))\"\(title)>\(segment.text)</span>"
            }
        }
        return out
    }

    /// A short list of events for the overview and province pages: when, what, where, the sentence.
    static func compactEventTable(_ events: [StoredEvent]) -> HTML {
        guard !events.isEmpty else { return "<p class=\"empty\">No events.</p>" }
        let rows = events.map { stored -> HTML in
            let e = stored.event
            return """
                <tr><td class="nowrap">\(text: stored.day)</td><td>\(type(e.type))<br><span class="small">\(place(e.province))</span></td>\
                <td class="evidence"><a href="\(Link.document(e.document, event: e.id))">\(evidence(e))</a>\
                <div class="muted small">\(stored.source.name) \(status(e.status))</div></td></tr>
                """
        }
        return """
            <div class="table-wrap"><table><thead><tr><th>Published</th><th>Event</th><th>Evidence and source</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    /// The events table: one row per event, its evidence sentence linked to the document.
    static func eventTable(_ events: [StoredEvent], caption: String? = nil) -> HTML {
        guard !events.isEmpty else { return "<p class=\"empty\">No events.</p>" }
        let rows = events.map { stored -> HTML in
            let e = stored.event
            return """
                <tr><td class="nowrap">\(text: stored.day)</td><td>\(type(e.type))</td><td class="nowrap">\(place(e.province))</td>\
                <td class="nowrap">\(e.date.map { $0.description } ?? "")</td><td class="num">\(Format.decimal(e.confidence))</td>\
                <td>\(source(stored.source))</td><td>\(status(e.status))</td>\
                <td class="evidence"><a href="\(Link.document(e.document, event: e.id))">\(evidence(e))</a></td></tr>
                """
        }
        return """
            <div class="table-wrap"><table>\(caption.map { HTML("<caption class=\"muted small\">\($0)</caption>") })
            <thead><tr><th>Published</th><th>Type</th><th>Province</th><th>Event date</th><th class="num">Conf.</th><th>Source</th><th>Status</th><th>Evidence</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    // MARK: Indicators

    static func trend(_ trend: IndicatorTrend, link: String) -> HTML {
        // An arrow only when the last week lies outside what chance gives around the recent mean
        // (two Poisson standard deviations): most weekly wiggles are noise.
        let change = trend.lastWeek - trend.baseline
        let noise = 2 * max(trend.baseline, 1).squareRoot()
        let arrow: HTML = change > noise
            ? "<span class=\"up\" title=\"well above the recent weekly mean\">▲</span>"
            : change < -noise ? "<span class=\"down\" title=\"well below the recent weekly mean\">▼</span>" : ""
        return """
            <div class="trend"><a class="name" href="\(link)">\(trend.key.type.displayName)</a>\
            <span class="figure">\(arrow) <strong>\(Format.count(trend.lastWeek))</strong> last 7 days · \(Format.count(trend.total)) in \(trend.values.count) wk</span>\
            \(ChartRendering.sparkline(trend))</div>
            """
    }

    // MARK: Forms and navigation

    static func options(_ values: [(value: String, label: String)], selected: String?) -> HTML {
        values.map { option -> HTML in
            option.value == (selected ?? "")
                ? "<option value=\"\(option.value)\" selected>\(option.label)</option>"
                : "<option value=\"\(option.value)\">\(option.label)</option>"
        }.joined()
    }

    static func provinceOptions(selected: String?, any: String = "any province", none: Bool = true) -> HTML {
        options(
            [("", any)] + (none ? [("none", "no province (national)")] : [])
                + Province.allCases.map { ($0.code, "\($0.name) · \($0.koreanName) (\($0.code))") },
            selected: selected)
    }

    static func typeOptions(selected: String?, any: String? = "any type") -> HTML {
        options((any.map { [("", $0)] } ?? []) + EventType.giftPolitics.map { ($0.rawValue, $0.displayName) }, selected: selected)
    }

    static func pager(previous: String?, next: String?, summary: String) -> HTML {
        """
        <nav class="pager" aria-label="Pages"><span class="muted">\(summary)</span><span class="actions">\
        \(previous.map { HTML("<a class=\"button secondary\" href=\"\($0)\" rel=\"prev\">← Previous</a>") })\
        \(next.map { HTML("<a class=\"button secondary\" href=\"\($0)\" rel=\"next\">Next →</a>") })</span></nav>
        """
    }

    static func problem(_ message: String) -> HTML { "<p class=\"problem\" role=\"alert\">\(message)</p>" }
}

extension String {
    /// The string with its first letter upper-cased ("gift-flow disruption" → "Gift-flow disruption").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
