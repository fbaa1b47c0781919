package io.nova.content.core;

import io.nova.content.db.Position;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Page cursors of keyset lists: the last item's time (microseconds, as stored) and id. */
public final class Positions {

    private Positions() {
    }

    public static Cursor cursor(Instant at, java.util.UUID id) {
        return Cursor.of(String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, at)), id.toString());
    }

    public static Cursor cursor(Position position) {
        return cursor(position.at(), position.id());
    }

    public static Position after(Cursor cursor) {
        long micros = cursor.longPart(0);
        java.util.UUID id = Ids.parse(cursor.part(1)).orElseThrow(() -> DomainException.invalid("invalid_cursor",
                "The cursor is not one this API returned"));
        return new Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }
}
