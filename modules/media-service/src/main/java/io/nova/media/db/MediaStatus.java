package io.nova.media.db;

import java.util.Locale;

/** pending (URL handed out) → processing (verified) → ready | failed. */
public enum MediaStatus {
    PENDING, PROCESSING, READY, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Its object was checked against what was declared: it may be downloaded and used. */
    public boolean isVerified() {
        return this == PROCESSING || this == READY;
    }
}
