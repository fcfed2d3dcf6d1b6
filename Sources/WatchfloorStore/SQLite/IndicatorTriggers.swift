/// Triggers that keep the indicator tables up to date as events are inserted, deleted, reviewed
/// or superseded, so that a series is read, never recomputed.
///
/// `indicator_clusters` holds, per type × scope (a province code or `national`) × day × story
/// cluster, how many counted events the cluster has and the sum of their source weights.
/// `indicator_daily` holds per type × scope × day: `clusters` (the count series: a story counted
/// once however many outlets carried it), `weighted` (the sum over clusters of their mean source
/// reliability weight) and `events` (raw events).
enum IndicatorTriggers {
    private enum Scope: String, CaseIterable {
        case national, province

        /// The SQL for the scope key of a row `ref` (NEW or OLD).
        func key(_ ref: String) -> String { self == .national ? "'national'" : "\(ref).province" }

        /// The extra trigger condition.
        func condition(_ ref: String) -> String { self == .national ? "" : " AND \(ref).province IS NOT NULL" }
    }

    private static func cluster(_ ref: String, _ scope: Scope) -> String {
        "c.type = \(ref).type AND c.scope = \(scope.key(ref)) AND c.day = \(ref).day AND c.cluster = \(ref).cluster"
    }

    private static func daily(_ ref: String, _ scope: Scope) -> String {
        "type = \(ref).type AND scope = \(scope.key(ref)) AND day = \(ref).day"
    }

    private static func add(_ ref: String, _ scope: Scope) -> String {
        """
        INSERT INTO indicator_daily(type, scope, day, clusters, weighted, events)
            VALUES (\(ref).type, \(scope.key(ref)), \(ref).day, 0, 0.0, 0) ON CONFLICT DO NOTHING;
        UPDATE indicator_daily SET
            events = events + 1,
            clusters = clusters + (SELECT COUNT(*) = 0 FROM indicator_clusters c WHERE \(cluster(ref, scope))),
            weighted = weighted + COALESCE(
                (SELECT (c.weight_sum + \(ref).weight) / (c.events + 1) - c.weight_sum / c.events
                 FROM indicator_clusters c WHERE \(cluster(ref, scope))), \(ref).weight)
            WHERE \(daily(ref, scope));
        INSERT INTO indicator_clusters(type, scope, day, cluster, events, weight_sum)
            VALUES (\(ref).type, \(scope.key(ref)), \(ref).day, \(ref).cluster, 1, \(ref).weight)
            ON CONFLICT(type, scope, day, cluster) DO UPDATE SET
                events = events + 1, weight_sum = weight_sum + excluded.weight_sum;
        """
    }

    private static func remove(_ ref: String, _ scope: Scope) -> String {
        """
        UPDATE indicator_daily SET
            events = events - 1,
            clusters = clusters - (SELECT c.events = 1 FROM indicator_clusters c WHERE \(cluster(ref, scope))),
            weighted = weighted - (SELECT c.weight_sum / c.events
                - CASE WHEN c.events = 1 THEN 0.0 ELSE (c.weight_sum - \(ref).weight) / (c.events - 1) END
                FROM indicator_clusters c WHERE \(cluster(ref, scope)))
            WHERE \(daily(ref, scope));
        UPDATE indicator_clusters SET events = events - 1, weight_sum = weight_sum - \(ref).weight
            WHERE type = \(ref).type AND scope = \(scope.key(ref)) AND day = \(ref).day AND cluster = \(ref).cluster;
        DELETE FROM indicator_clusters
            WHERE type = \(ref).type AND scope = \(scope.key(ref)) AND day = \(ref).day AND cluster = \(ref).cluster
            AND events <= 0;
        DELETE FROM indicator_daily WHERE \(daily(ref, scope)) AND events <= 0;
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
}
