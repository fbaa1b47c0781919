package io.nova.content.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** RFC 3339 UTC at the precision PostgreSQL stores (microseconds), as every Nova timestamp is written. */
public final class Timestamps {

    private Timestamps() {
    }

    public static String rfc3339(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
