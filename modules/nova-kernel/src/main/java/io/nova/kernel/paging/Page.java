package io.nova.kernel.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items and the cursor of the next page ({@code null} at the end). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Cuts {@code fetched} (up to {@link PageRequest#fetchSize()} rows) to the requested limit; if there was one
     * more row, the cursor of the last returned item points at the next page.
     */
    public static <T> Page<T> from(List<T> fetched, PageRequest request, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
