package io.nova.kernel.db;

/**
 * A {@code LIMIT} written into the SQL text rather than bound as a parameter.
 *
 * <p>Why: PostgreSQL caches a generic plan for a prepared statement only when it costs about as much as the
 * custom plans made for the first executions. With {@code LIMIT $n} the generic plan is costed for an unknown
 * limit (a tenth of the table), so it never wins and every execution is planned anew — on a timeline page the
 * planner cost more than the query. A literal limit is costed exactly, the generic plan is taken from the sixth
 * execution on, and the handful of page sizes clients use makes a handful of cached statements.
 */
public final class SqlLimit {

    /** Far above any page or batch Nova reads; a guard against a limit that did not come from a clamp. */
    static final int MAX_ROWS = 10_000;

    private SqlLimit() {
    }

    /** {@code " LIMIT <rows>"}, with a leading space. */
    public static String of(int rows) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("a LIMIT must be 1.." + MAX_ROWS + ", not " + rows);
        }
        return " LIMIT " + rows;
    }
}
