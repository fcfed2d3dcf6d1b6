import Watchfloor
import WatchfloorCoding
import WatchfloorStore

/// `watchfloor explain DOC_ID`: a document with its stored events and, sentence by sentence, the
/// cues the current pack finds in it and what each rule made of them.
public enum Explanation {
    public static func render(_ stored: StoredDocument, events: [StoredEvent], context: PipelineContext) -> String {
        let document = stored.document
        var lines: [String] = []
        lines.append("document  \(document.id.rawValue)")
        if let title = document.title { lines.append("title     \(title)") }
        let source = stored.sourceInfo
        lines.append("source    \(source.name) (\(source.kind.rawValue), grade \(source.reliability.rawValue): \(source.reliability.meaning))")
        lines.append("published \(document.published?.description ?? "unknown")   language \(document.language)")
        if let url = document.url { lines.append("url       \(url)") }
        if let external = document.externalID { lines.append("input id  \(external)") }
        if !stored.clusterMembers.isEmpty || stored.cluster != document.id {
            lines.append("story     cluster \(stored.cluster.short) with \(stored.clusterMembers.count) other document(s)")
        }
        lines.append("")
        lines.append("stored events (\(events.count)):")
        for stored in events {
            let event = stored.event
            var parts = ["#\(event.id ?? 0)", event.type.rawValue, event.province?.code ?? "no province"]
            if let date = event.date { parts.append("\(date)") }
            if let sincerity = event.sincerity { parts.append("sincerity \(sincerity)") }
            parts.append(String(format: "confidence %.2f", event.confidence))
            parts.append(event.status.rawValue)
            lines.append("  " + parts.joined(separator: " · "))
            lines.append("    sentence [\(event.evidence.sentence.start)..<\(event.evidence.sentence.end)]: \(event.evidence.text)")
            if !event.evidence.cues.isEmpty {
                let cues = event.evidence.cues.map { "\($0.label) [\($0.span.start)..<\($0.span.end)]" }
                lines.append("    cues: " + cues.joined(separator: ", "))
            }
            if let rule = event.evidence.rule { lines.append("    rule: \(rule)") }
        }
        lines.append("")
        lines.append("how the pack \"\(context.pack.name)\" reads it now:")
        let trace = context.coder.trace(CodingInput(document, sourceKind: source.kind))
        lines.append(trace.render())
        return lines.joined(separator: "\n")
    }
}
