import Hummingbird
import WatchfloorPipeline

/// The review queue and the review forms. Never cached: the pages carry the browser's CSRF
/// token. Every POST checks it, writes through the store, forgets the cached pages (the
/// indicators have changed) and redirects (303) back.
struct ReviewRoutes<Context: RequestContext> {
    let store: any Store
    let cache: PageCache

    static var reviewerCookie: String { "watchfloor_reviewer" }

    func register(on router: Router<Context>) {
        router.get("/review") { request, _ in
            let parameters = request.parameters
            let page = try parameters.int("page", in: 1...1_000_000) ?? 1
            let (session, cookie) = Self.session(request)
            let queue = try ReviewQueue.load(from: store, page: page)
            return Self.withCookie(Reply.html(ReviewPage.queue(queue, session: session, saved: try saved(parameters))), cookie)
        }
        router.get("/review/events/:id") { request, context in
            let id = try PageRoutes<Context>.id(context.parameters.require("id"), what: "event")
            guard let machineOrReview = try store.event(id) else {
                throw HTTPError(.notFound, message: "There is no event \(id); a recode may have replaced it.")
            }
            let review = try store.review(ofEvent: id)
            let (session, cookie) = Self.session(request)
            let page = ReviewPage.single(
                review?.event ?? machineOrReview, review: review, session: session, saved: try saved(request.parameters))
            return Self.withCookie(Reply.html(page), cookie)
        }
        router.post("/review/events/:id") { request, context in
            let id = try PageRoutes<Context>.id(context.parameters.require("id"), what: "event")
            let form = try await request.formParameters()
            try CSRF.verify(request, form: form)
            let review = try store.review(try Self.decision(eventID: id, form))
            cache.invalidate()
            let target = Reply.localPath(form["return"], fallback: "/review/events/\(id)")
            var response = Reply.redirect(Self.adding("saved", String(review.event.event.id ?? 0), to: target))
            response.setCookie(Cookie(name: Self.reviewerCookie, value: QueryParameters.encode(review.reviewer), path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/review/reviews/:id/withdraw") { request, context in
            let id = try PageRoutes<Context>.id(context.parameters.require("id"), what: "review")
            let form = try await request.formParameters()
            try CSRF.verify(request, form: form)
            try store.withdrawReview(id)
            cache.invalidate()
            return Reply.redirect(Reply.localPath(form["return"], fallback: "/review"))
        }
    }

    /// The review just saved, named by its event in `saved`, for the notice.
    private func saved(_ parameters: QueryParameters) throws -> StoredReview? {
        guard let text = parameters["saved"], let id = Int64(text) else { return nil }
        return try store.review(ofEvent: id)
    }

    static func session(_ request: Request) -> (ReviewPage.Session, Cookie?) {
        let (token, cookie) = CSRF.token(for: request)
        let reviewer = request.cookies[reviewerCookie].map { QueryParameters(query: "r=" + $0.value)["r"] ?? "" } ?? ""
        return (ReviewPage.Session(csrfToken: token, reviewer: reviewer.isEmpty ? "analyst" : reviewer), cookie)
    }

    static func withCookie(_ rendered: Rendered, _ cookie: Cookie?) -> Response {
        var response = rendered.response
        response.headers[.cacheControl] = "no-store"
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// The decision a review form describes.
    static func decision(eventID: Int64, _ form: QueryParameters) throws -> ReviewDecision {
        guard let reviewer = form["reviewer"], reviewer.count <= 80 else {
            throw QueryProblem("reviewer", form["reviewer"] ?? "", expected: "the reviewer's name (at most 80 characters)")
        }
        let note = form["note"]
        if let note, note.count > 2000 { throw QueryProblem("note", Format.truncated(note, 40), expected: "at most 2,000 characters") }
        let verdict: ReviewDecision.Verdict
        switch form["verdict"] {
        case "accepted": verdict = .accepted
        case "rejected": verdict = .rejected
        case "edited":
            guard let type = try form.eventTypes("type").first else {
                throw QueryProblem("type", "", expected: "an event type such as GIFT_DELIVERY")
            }
            let date = try form.day("date").map { EventDate(day: $0) }
            verdict = .edited(EventCorrection(
                type: type, province: try form.province(), date: date, sincerity: try form.choice("sincerity", Sincerity.self)))
        default:
            throw QueryProblem("verdict", form["verdict"] ?? "", expected: "accepted, rejected or edited")
        }
        return ReviewDecision(eventID: eventID, verdict: verdict, reviewer: reviewer, note: note)
    }

    /// `path` with `name=value` added to its query (before any `#fragment`).
    static func adding(_ name: String, _ value: String, to path: String) -> String {
        let parts = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return base + (base.contains("?") ? "&" : "?") + "\(name)=\(QueryParameters.encode(value))" + fragment
    }
}
