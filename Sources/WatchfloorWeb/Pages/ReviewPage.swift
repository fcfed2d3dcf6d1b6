import WatchfloorPipeline

/// `/review` (machine events, least confident first) and `/review/events/ID` (one event): accept,
/// reject, or correct type, province, date and sincerity, with a note. Every form carries the
/// CSRF token.
enum ReviewPage {
    struct Session {
        var csrfToken: String
        var reviewer: String
    }

    static func queue(_ queue: ReviewQueue, session: Session, saved: StoredReview?) -> HTML {
        let returnTo = Link.reviewQueue(page: queue.page)
        let cards = queue.events.map { stored -> HTML in
            """
            <article class="panel" id="event-\(stored.event.id ?? 0)">\(eventSummary(stored))
            \(form(stored, session: session, returnTo: returnTo + "#event-\(stored.event.id ?? 0)"))</article>
            """
        }
        let summary = "\(Format.count(queue.waiting).capitalizedFirst) machine-coded \(queue.waiting.value == 1 ? "event waits" : "events wait") for review"
        return Layout(title: "Review queue", section: .review).render("""
            <div class="page-head"><div><h1>Review queue</h1><p class="sub">\(summary), least confident first. A review is kept apart from the coder's output, survives a recode and counts in the indicators in its place.</p></div></div>
            \(saved.map(notice))
            \(cards.isEmpty ? "<section class=\"panel\"><p class=\"empty\">Nothing waits for review.</p></section>" : HTML.empty)\(cards)
            \(Components.pager(
                previous: queue.page > 1 ? Link.reviewQueue(page: queue.page - 1) : nil,
                next: queue.hasNextPage ? Link.reviewQueue(page: queue.page + 1) : nil, summary: "Page \(queue.page)"))
            <section class="panel"><h2>Recently reviewed</h2>\(recent(queue.recentReviews, session: session))</section>
            """)
    }

    static func single(_ stored: StoredEvent, review: StoredReview?, session: Session, saved: StoredReview?) -> HTML {
        let e = stored.event
        let returnTo = "/review/events/\(e.id ?? 0)"
        let history: HTML = review.map { review in
            """
            <p class="small">Reviewed by \(review.reviewer) on \(Format.time(review.reviewedAt)): \(Components.status(review.verdict))\
            \(review.note.map { HTML(" — “\($0)”") }). The coder had said \(Components.type(review.machine.type)) \(Components.place(review.machine.province)) at confidence \(Format.decimal(review.machine.confidence)).</p>
            \(withdrawForm(review, session: session, returnTo: returnTo))
            """
        } ?? "<p class=\"small muted\">Not reviewed yet.</p>"
        let shown = (review?.event ?? stored).event
        let series = SeriesKey(type: shown.type, province: shown.province)
        let counts: HTML = shown.status == .rejected
            ? "<p class=\"small\">Rejected: this event does not count in any indicator.</p>"
            : "<p class=\"small\">Counts in <a href=\"\(Link.series(series, granularity: .week))\">\(series.displayName)</a>.</p>"
        return Layout(title: "Review event \(e.id ?? 0)", section: .review).render("""
            <div class="page-head"><div><h1>Review event \(e.id ?? 0)</h1><p class="sub"><a href="\(Link.review)">← Review queue</a></p></div></div>
            \(saved.map(notice))
            <section class="panel">\(eventSummary(stored))\(counts)\(history)\(form(stored, session: session, returnTo: returnTo))</section>
            """)
    }

    /// What the analyst needs to judge the event: the sentence, the coding, the source.
    static func eventSummary(_ stored: StoredEvent) -> HTML {
        let e = stored.event
        return """
            <div class="meta">\(Components.type(e.type)) \(Components.place(e.province)) \(Components.status(e.status))\
            <span>confidence \(Format.decimal(e.confidence))</span>\(e.date.map { HTML("<span>event date \(text: $0)</span>") })\
            \(e.sincerity.map { HTML("<span>sincerity \(text: $0)</span>") })<span>published \(text: stored.day)</span></div>
            <blockquote class="evidence-sentence">\(Components.evidence(e))</blockquote>
            <div class="meta"><span>\(Components.source(stored.source))</span>\
            <a href="\(Link.document(e.document, event: e.id))">\(stored.documentTitle.map { Format.truncated($0, 80) } ?? "Open the document") →</a></div>
            """
    }

    static func form(_ stored: StoredEvent, session: Session, returnTo: String) -> HTML {
        let e = stored.event
        let id = e.id ?? 0
        let sincerity = [("", "not stated")] + Sincerity.allCases.map { ($0.rawValue, $0.rawValue) }
        return """
            <form method="post" action="/review/events/\(id)" class="review-form">
            <input type="hidden" name="csrf" value="\(session.csrfToken)"><input type="hidden" name="return" value="\(returnTo)">
            <div class="review-row">
            <label class="field">Reviewer<input name="reviewer" value="\(session.reviewer)" maxlength="80" size="12" required></label>
            <label class="field">Note (optional)<input name="note" maxlength="2000" placeholder="why"></label>
            <span class="actions"><button type="submit" name="verdict" value="accepted" class="ok">Accept</button>
            <button type="submit" name="verdict" value="rejected" class="danger" data-confirm="Reject this event? It will stop counting in the indicators.">Reject</button></span></div>
            <details class="edit"><summary>Correct type, province, date or sincerity</summary>
            <div class="edit-grid">
            <label class="field">Type<select name="type">\(Components.typeOptions(selected: e.type.rawValue, any: nil))</select></label>
            <label class="field">Province<select name="province">\(Components.provinceOptions(selected: e.province?.code ?? "none", any: "no province", none: false))</select></label>
            <label class="field">Event date<input type="date" name="date" value="\(e.date.map { $0.day.description })"></label>
            <label class="field">Sincerity<select name="sincerity">\(Components.options(sincerity, selected: e.sincerity?.rawValue))</select></label>
            </div><button type="submit" name="verdict" value="edited">Save correction</button></details>
            </form>
            """
    }

    static func withdrawForm(_ review: StoredReview, session: Session, returnTo: String) -> HTML {
        """
        <form method="post" action="/review/reviews/\(review.id)/withdraw" class="inline">
        <input type="hidden" name="csrf" value="\(session.csrfToken)"><input type="hidden" name="return" value="\(returnTo)">
        <button type="submit" class="secondary" data-confirm="Withdraw this review? The coder's event counts again.">Withdraw review</button></form>
        """
    }

    static func recent(_ reviews: [StoredReview], session: Session) -> HTML {
        guard !reviews.isEmpty else { return "<p class=\"empty\">No reviews yet.</p>" }
        let rows = reviews.map { review -> HTML in
            let e = review.event.event
            return """
                <tr><td class="nowrap">\(Format.time(review.reviewedAt))</td><td>\(review.reviewer)</td><td>\(Components.status(review.verdict))</td>\
                <td>\(Components.type(review.machine.type)) \(Components.place(review.machine.province))</td>\
                <td>\(Components.type(e.type)) \(Components.place(e.province))</td><td>\(review.note ?? "")</td>\
                <td><a href="/review/events/\(e.id ?? 0)">Open</a></td></tr>
                """
        }
        return """
            <div class="table-wrap"><table><thead><tr><th>When</th><th>Reviewer</th><th>Verdict</th><th>Coder said</th><th>Now</th><th>Note</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    /// After saving: what changed and where to see the indicator move.
    static func notice(_ review: StoredReview) -> HTML {
        let e = review.event.event
        let series = SeriesKey(type: e.type, province: e.province)
        let what: HTML = review.verdict == .rejected
            ? "Rejected: the event no longer counts in \(series.displayName)."
            : "Saved as \(review.verdict.rawValue): the event counts as \(series.displayName)."
        return """
            <p class="notice" role="status">\(what) <a href="\(Link.series(series, granularity: .week))">See the indicator</a>\
            \(e.province.map { HTML(" · <a href=\"\(Link.province($0))\">\($0.name)</a>") })</p>
            """
    }
}
