package io.nova.media.api;

import java.util.List;

/**
 * The payload of media.uploaded, media.ready, media.failed and media.deleted: which item, whose, what kind, and
 * (per event) what became known. Unknown values are null.
 */
public record MediaEvent(String mediaId, String ownerId, String type, String contentType, Long sizeBytes,
                         Integer width, Integer height, Long durationMs, List<String> renditions,
                         String processingNote, String failureReason) {

    public static MediaEvent uploaded(String mediaId, String ownerId, String type, String contentType,
                                      long sizeBytes) {
        return new MediaEvent(mediaId, ownerId, type, contentType, sizeBytes, null, null, null, null, null, null);
    }

    public static MediaEvent ready(String mediaId, String ownerId, String type, Integer width, Integer height,
                                   Long durationMs, List<String> renditions, String note) {
        return new MediaEvent(mediaId, ownerId, type, null, null, width, height, durationMs, renditions, note,
                null);
    }

    public static MediaEvent failed(String mediaId, String ownerId, String type, String reason) {
        return new MediaEvent(mediaId, ownerId, type, null, null, null, null, null, null, null, reason);
    }

    public static MediaEvent deleted(String mediaId, String ownerId, String type) {
        return new MediaEvent(mediaId, ownerId, type, null, null, null, null, null, null, null, null);
    }
}
