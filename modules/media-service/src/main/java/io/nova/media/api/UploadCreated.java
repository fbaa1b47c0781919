package io.nova.media.api;

import java.time.Instant;
import java.util.Map;

/**
 * The answer to {@code POST /api/v1/uploads}: PUT the file's bytes to {@code url} with exactly these
 * {@code headers} before {@code expires_at}, then call {@code POST /api/v1/uploads/{upload_id}/complete}.
 */
public record UploadCreated(String uploadId, String method, String url, Map<String, String> headers,
                            Instant expiresAt) {
}
