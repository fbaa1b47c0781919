package io.nova.media.db;

import java.util.Locale;
import java.util.Optional;

/** What an upload is for; it decides the allowed types and size, and what it may back. */
public enum MediaPurpose {
    IMAGE, VIDEO, REEL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isVideo() {
        return this != IMAGE;
    }

    public static Optional<MediaPurpose> parse(String value) {
        for (MediaPurpose purpose : values()) {
            if (purpose.wireName().equals(value)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
