package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;
import io.nova.user.db.GraphStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Where a page of follow edges ends: the last edge's time (microseconds, as stored) and the other user's id. */
public final class EdgeCursors {

    private EdgeCursors() {
    }

    public static Cursor of(GraphStore.Edge edge) {
        return Cursor.of(String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, edge.createdAt())),
                edge.userId().toString());
    }

    public static GraphStore.Edge after(Cursor cursor) {
        long micros = cursor.longPart(0);
        UUID id = UserIds.parse(cursor.part(1)).orElseThrow(() -> DomainException.invalid("invalid_cursor",
                "The cursor is not one this API returned"));
        return new GraphStore.Edge(id, Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }
}
