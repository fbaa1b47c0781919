package io.nova.media.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where objects live: {@code media/<owner>/<media id>} for the original, {@code …<media id>.<rendition>.<ext>}
 * beside it for renditions. The server alone chooses keys; nothing a client sends ends up in one.
 */
public final class ObjectKeys {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ObjectKeys() {
    }

    public static String original(String ownerId, UUID mediaId) {
        return "media/" + ownerSegment(ownerId) + "/" + mediaId;
    }

    public static String rendition(String originalKey, String name, String extension) {
        return originalKey + "." + name + "." + extension;
    }

    /** User ids are UUIDs; anything else is hashed so a key never holds a slash or other surprise. */
    static String ownerSegment(String ownerId) {
        if (SAFE.matcher(ownerId).matches()) {
            return ownerId;
        }
        try {
            return "h" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ownerId.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
