package io.nova.kernel.paging;

import io.nova.kernel.api.Ids;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A position in a list ordered by time, then id (newest first): the last item a page returned. Its cursor holds
 * the time in microseconds, as PostgreSQL stores it, so the next page starts exactly after it.
 */
public record Keyset(Instant at, UUID id) {

    public Cursor cursor() {
        return Cursor.of(String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, at)), id.toString());
    }

    /** Earliest and latest times a cursor of ours can hold: years 1 to 9999, inside PostgreSQL's timestamp range. */
    private static final long MIN_MICROS = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond() * 1_000_000;
    private static final long MAX_MICROS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000;

    /**
     * The position a cursor we issued stands for; anything else is a 400 {@code invalid_cursor} — also a time no
     * row can have, which PostgreSQL would refuse as out of range (a 500) when bound.
     */
    public static Keyset of(Cursor cursor) {
        long micros = cursor.longPart(0);
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw Cursor.invalid();
        }
        UUID id = Ids.parse(cursor.part(1)).orElseThrow(Cursor::invalid);
        return new Keyset(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }
}
