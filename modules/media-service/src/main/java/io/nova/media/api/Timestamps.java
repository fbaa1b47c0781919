package io.nova.media.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** RFC 3339 UTC at PostgreSQL's precision, so a value read back prints the same. */
public final class Timestamps {

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
