package io.nova.kernel.paging;

import java.util.Optional;

/**
 * What page a caller asked for: {@code limit} (default 20, clamped to 1..100) and an optional cursor. Resources
 * fetch {@link #fetchSize()} rows — one more than the limit — to know whether a next page exists without a count.
 */
public record PageRequest(int limit, Optional<Cursor> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String cursor) {
        int clamped = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
        return new PageRequest(clamped,
                cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(cursor)));
    }

    public int fetchSize() {
        return limit + 1;
    }
}
