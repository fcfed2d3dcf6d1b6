import Hummingbird
import WatchfloorStore

/// Gives each request a ``WorkBudget``: its reads stop at the deadline, or as soon as the request's
/// task is cancelled (the server shutting down), and the request is answered 503 saying why. One
/// search of thousands of words held a server for minutes; with the budget no request holds a
/// thread or the database beyond its limit.
struct WorkBudgetMiddleware<Context: RequestContext>: RouterMiddleware {
    var limit: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let budget = WorkBudget(limit: limit)
        return try await withTaskCancellationHandler {
            try await WorkBudget.$current.withValue(budget) { try await next(request, context) }
        } onCancel: {
            budget.cancel()
        }
    }
}
