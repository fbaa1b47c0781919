package io.nova.content.core;

/** Media a post cannot use (unknown, someone else's, not ready, used elsewhere): a 422 naming the media id. */
public final class MediaRefusedException extends RuntimeException {

    private final String code;
    private final String mediaId;

    public MediaRefusedException(String code, String message, String mediaId) {
        super(message, null, false, false);
        this.code = code;
        this.mediaId = mediaId;
    }

    public String code() {
        return code;
    }

    /** Null when media-service did not say which. */
    public String mediaId() {
        return mediaId;
    }
}
