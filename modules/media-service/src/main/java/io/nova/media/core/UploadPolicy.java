package io.nova.media.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.media.db.MediaPurpose;

import java.util.List;
import java.util.Map;

/** Which types and sizes each purpose takes: images up to one limit, videos and reels up to another. */
public final class UploadPolicy {

    public static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/gif");
    public static final List<String> VIDEO_TYPES = List.of("video/mp4", "video/quicktime", "video/webm");

    private final long maxImageBytes;
    private final long maxVideoBytes;

    public UploadPolicy(long maxImageBytes, long maxVideoBytes) {
        this.maxImageBytes = maxImageBytes;
        this.maxVideoBytes = maxVideoBytes;
    }

    public List<String> allowedTypes(MediaPurpose purpose) {
        return purpose.isVideo() ? VIDEO_TYPES : IMAGE_TYPES;
    }

    public long maxBytes(MediaPurpose purpose) {
        return purpose.isVideo() ? maxVideoBytes : maxImageBytes;
    }

    /** 400 for a type the purpose does not take, 413 for a size over its limit; both name what is allowed. */
    public void check(MediaPurpose purpose, String contentType, long sizeBytes) {
        List<String> allowed = allowedTypes(purpose);
        if (!allowed.contains(contentType)) {
            throw DomainException.invalid("unsupported_content_type",
                    "A " + purpose.wireName() + " upload must be one of " + String.join(", ", allowed)
                            + "; got " + contentType,
                    Map.of("allowed_content_types", allowed));
        }
        long max = maxBytes(purpose);
        if (sizeBytes > max) {
            // Not DomainException.payloadTooLarge: that names the request body's limit, this the upload's.
            throw DomainException.of(ErrorKind.TOO_LARGE, "upload_too_large",
                    "A " + purpose.wireName() + " upload may be at most " + max + " bytes (" + human(max)
                            + "); this one is " + sizeBytes + " bytes",
                    Map.of("limit_bytes", max));
        }
    }

    static String human(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
