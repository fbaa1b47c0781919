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

    /** The position a cursor we issued stands for; anything else is a 400 {@code invalid_cursor}. */
    public static Keyset of(Cursor cursor) {
        long micros = cursor.longPart(0);
        UUID id = Ids.parse(cursor.part(1)).orElseThrow(Cursor::invalid);
        return new Keyset(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }
}
