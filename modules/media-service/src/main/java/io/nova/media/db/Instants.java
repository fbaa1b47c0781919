package io.nova.media.db;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Cursor positions are PostgreSQL timestamps as epoch microseconds: exact, unlike milliseconds. */
public final class Instants {

    private Instants() {
    }

    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant ofMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
