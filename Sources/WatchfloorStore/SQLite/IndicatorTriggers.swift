/// Triggers that keep the indicator tables up to date as events are inserted, deleted, reviewed
/// or superseded, so that a series is read, never recomputed.
///
/// The unit counted is a *story*: a near-duplicate cluster reporting an event of a type, in a
/// scope (a province code, or `national` for every event of the type). A story counts once, on
/// the day its first copy was published, however many outlets carried it and on whichever days;
/// its weight is the highest `reliability weight × confidence` among its copies. (These are the
/// analysis stage's rules, see `IndicatorLedger`, so that a chart and a warning count alike.)
///
/// `indicator_stories` holds each story's first day, weight and number of events;
/// `indicator_daily` holds per type × scope × day the stories that began that day (`clusters`),
/// their summed weight (`weighted`) and the raw events published that day (`events`). Rows that
/// fall to zero are kept (and ignored by readers) rather than hunted down on every delete.
enum IndicatorTriggers {
    private enum Scope: String, CaseIterable {
        case national, province

        /// The SQL for the scope key of a row `ref` (NEW or OLD).
        func key(_ ref: String) -> String { self == .national ? "'national'" : "\(ref).province" }

        /// The extra trigger condition.
        func condition(_ ref: String) -> String { self == .national ? "" : " AND \(ref).province IS NOT NULL" }

        /// The condition on `events e` that selects the same scope.
        func eventCondition(_ ref: String) -> String { self == .national ? "" : " AND e.province = \(ref).province" }
    }

    private static func story(_ ref: String, _ scope: Scope) -> String {
        "type = \(ref).type AND scope = \(scope.key(ref)) AND cluster = \(ref).cluster"
    }

    /// Takes the story's contribution off the day it currently counts on.
    private static func retract(_ ref: String, _ scope: Scope) -> String {
        """
        UPDATE indicator_daily SET
            clusters = clusters - 1,
            weighted = weighted - (SELECT weight FROM indicator_stories WHERE \(story(ref, scope)))
            WHERE type = \(ref).type AND scope = \(scope.key(ref))
            AND day = (SELECT first_day FROM indicator_stories WHERE \(story(ref, scope)));
        """
    }

    /// Puts the story's contribution on the day it now counts on (nothing if the story is gone).
    private static func restore(_ ref: String, _ scope: Scope) -> String {
        """
        INSERT INTO indicator_daily(type, scope, day, clusters, weighted, events)
            SELECT type, scope, first_day, 1, weight, 0 FROM indicator_stories WHERE \(story(ref, scope))
            ON CONFLICT(type, scope, day) DO UPDATE SET
                clusters = clusters + 1, weighted = weighted + excluded.weighted;
        """
    }

    private static func add(_ ref: String, _ scope: Scope) -> String {
        """
        \(retract(ref, scope))
        INSERT INTO indicator_stories(type, scope, cluster, first_day, weight, events)
            VALUES (\(ref).type, \(scope.key(ref)), \(ref).cluster, \(ref).day, \(ref).weight, 1)
            ON CONFLICT(type, scope, cluster) DO UPDATE SET
                first_day = MIN(first_day, excluded.first_day), weight = MAX(weight, excluded.weight),
                events = events + 1;
        \(restore(ref, scope))
        INSERT INTO indicator_daily(type, scope, day, clusters, weighted, events)
            VALUES (\(ref).type, \(scope.key(ref)), \(ref).day, 0, 0.0, 1)
            ON CONFLICT(type, scope, day) DO UPDATE SET events = events + 1;
        """
    }

    private static func remove(_ ref: String, _ scope: Scope) -> String {
        let remaining = "e.type = \(ref).type AND e.cluster = \(ref).cluster AND e.counted\(scope.eventCondition(ref))"
        return """
            \(retract(ref, scope))
            UPDATE indicator_daily SET events = events - 1
                WHERE type = \(ref).type AND scope = \(scope.key(ref)) AND day = \(ref).day;
            UPDATE indicator_stories SET
                events = events - 1,
                first_day = COALESCE((SELECT MIN(e.day) FROM events e WHERE \(remaining)), first_day),
                weight = COALESCE((SELECT MAX(e.weight) FROM events e WHERE \(remaining)), 0.0)
                WHERE \(story(ref, scope));
            DELETE FROM indicator_stories WHERE \(story(ref, scope)) AND events <= 0;
            \(restore(ref, scope))
            """
    }

    static var create: String {
        Scope.allCases.map { scope in
            """
            CREATE TRIGGER events_indicator_insert_\(scope.rawValue) AFTER INSERT ON events
            WHEN NEW.counted\(scope.condition("NEW")) BEGIN
            \(add("NEW", scope))
            END;
            CREATE TRIGGER events_indicator_delete_\(scope.rawValue) AFTER DELETE ON events
            WHEN OLD.counted\(scope.condition("OLD")) BEGIN
            \(remove("OLD", scope))
            END;
            CREATE TRIGGER events_indicator_update_old_\(scope.rawValue)
            AFTER UPDATE OF counted, type, province, day, cluster, weight ON events
            WHEN OLD.counted\(scope.condition("OLD")) BEGIN
            \(remove("OLD", scope))
            END;
            CREATE TRIGGER events_indicator_update_new_\(scope.rawValue)
            AFTER UPDATE OF counted, type, province, day, cluster, weight ON events
            WHEN NEW.counted\(scope.condition("NEW")) BEGIN
            \(add("NEW", scope))
            END;
            """
        }.joined(separator: "\n")
    }

    static var drop: String {
        Scope.allCases.flatMap { scope in
            ["insert", "delete", "update_old", "update_new"].map {
                "DROP TRIGGER IF EXISTS events_indicator_\($0)_\(scope.rawValue);"
            }
        }.joined(separator: "\n")
    }

    /// Recomputes both indicator tables from `events` (after a change that touches many events at
    /// once, such as re-clustering, where per-row triggers would do the same work row by row).
    static let rebuild = """
        DELETE FROM indicator_stories;
        DELETE FROM indicator_daily;
        INSERT INTO indicator_stories(type, scope, cluster, first_day, weight, events)
            SELECT type, 'national', cluster, MIN(day), MAX(weight), COUNT(*) FROM events WHERE counted
            GROUP BY type, cluster;
        INSERT INTO indicator_stories(type, scope, cluster, first_day, weight, events)
            SELECT type, province, cluster, MIN(day), MAX(weight), COUNT(*) FROM events
            WHERE counted AND province IS NOT NULL GROUP BY type, province, cluster;
        INSERT INTO indicator_daily(type, scope, day, clusters, weighted, events)
            SELECT type, scope, first_day, COUNT(*), SUM(weight), 0 FROM indicator_stories
            GROUP BY type, scope, first_day;
        INSERT INTO indicator_daily(type, scope, day, clusters, weighted, events)
            SELECT type, 'national', day, 0, 0.0, COUNT(*) FROM events WHERE counted GROUP BY type, day
            ON CONFLICT(type, scope, day) DO UPDATE SET events = excluded.events;
        INSERT INTO indicator_daily(type, scope, day, clusters, weighted, events)
            SELECT type, province, day, 0, 0.0, COUNT(*) FROM events WHERE counted AND province IS NOT NULL
            GROUP BY type, province, day
            ON CONFLICT(type, scope, day) DO UPDATE SET events = excluded.events;
        """
}
