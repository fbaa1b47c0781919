package io.nova.media.core;

import java.time.Duration;
import java.util.Map;

/**
 * A refusal the kernel's {@code DomainException} factories do not phrase well enough: 413 naming the upload limit
 * (not the request body's), 429 naming the pending-upload quota. Sent in the same error format.
 */
public final class UploadRejectedException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final Duration retryAfter;

    public UploadRejectedException(int status, String code, String message, Map<String, Object> details,
                                   Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Null unless the client should retry later. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
