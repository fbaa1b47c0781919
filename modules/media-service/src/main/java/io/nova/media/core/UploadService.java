package io.nova.media.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.storage.S3Storage;
import io.nova.media.api.CreateUploadRequest;
import io.nova.media.api.MediaEvent;
import io.nova.media.api.MediaView;
import io.nova.media.api.UploadCreated;
import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;
import io.nova.media.db.MediaStore;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Presigned uploads and their verification: the server picks the key and signs the declared type and size;
 * completion checks that what arrived is exactly that, and hands verified media to processing through
 * {@code media.uploaded}.
 */
public final class UploadService {

    /** What completion answers: the media, and whether it is freshly verified (202) or was already (200). */
    public record Completion(MediaView media, boolean accepted) {
    }

    private final Jdbi jdbi;
    private final MediaStore store;
    private final S3Storage storage;
    private final Outbox outbox;
    private final UploadPolicy policy;
    private final MediaViews views;
    private final Duration uploadUrlTtl;
    private final Duration pendingTtl;
    private final int maxPendingPerUser;
    private final Clock clock;

    public UploadService(Jdbi jdbi, MediaStore store, S3Storage storage, Outbox outbox, UploadPolicy policy,
                         MediaViews views, Duration uploadUrlTtl, Duration pendingTtl, int maxPendingPerUser,
                         Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.storage = storage;
        this.outbox = outbox;
        this.policy = policy;
        this.views = views;
        this.uploadUrlTtl = uploadUrlTtl;
        this.pendingTtl = pendingTtl;
        this.maxPendingPerUser = maxPendingPerUser;
        this.clock = clock;
    }

    public UploadCreated create(String ownerId, CreateUploadRequest request) {
        MediaPurpose purpose = MediaPurpose.parse(request.purpose()).orElseThrow();
        String contentType = normalize(request.contentType());
        long size = request.sizeBytes();
        policy.check(purpose, contentType, size);

        UUID id = UUID.randomUUID();
        String key = ObjectKeys.original(ownerId, id);
        Instant pendingUntil = clock.instant().plus(pendingTtl);
        boolean created = jdbi.withHandle(handle -> store.insertWithinQuota(handle, id, ownerId, purpose,
                request.filename().strip(), contentType, size, key, pendingUntil, maxPendingPerUser));
        if (!created) {
            Instant firstFree = jdbi.withHandle(handle -> store.earliestPendingUntil(handle, ownerId))
                    .orElse(pendingUntil);
            throw tooManyPending(Duration.between(clock.instant(), firstFree));
        }
        S3Storage.PresignedUpload upload = storage.presignUpload(key, contentType, size, uploadUrlTtl);
        return new UploadCreated(id.toString(), "PUT", upload.url().toString(), clientHeaders(upload.headers()),
                upload.expiresAt());
    }

    /**
     * Verifies the upload: 409 while nothing is stored; 422 (and the object deleted) when its size, type or
     * first bytes are not what was declared. A verified upload answers as it is, however often it is completed.
     */
    public Completion complete(String ownerId, UUID id) {
        MediaRow media = ownMedia(ownerId, id);
        switch (media.status()) {
            case PROCESSING, READY -> {
                return new Completion(view(media), false);
            }
            case FAILED -> throw DomainException.unprocessable("upload_rejected", media.failureReason());
            case PENDING -> {
                // verified below
            }
        }
        Optional<S3Storage.StoredObject> stored = storage.head(media.objectKey());
        if (stored.isEmpty()) {
            throw DomainException.conflict("not_uploaded",
                    "The file has not been uploaded yet: PUT it to the upload URL, then complete the upload");
        }
        String declared = media.contentType();
        if (stored.get().sizeBytes() != media.sizeBytes()) {
            reject(media, "size_mismatch", "The uploaded file has " + stored.get().sizeBytes()
                    + " bytes but " + media.sizeBytes() + " were declared");
        }
        String actualType = stored.get().contentType() == null ? "" : normalize(stored.get().contentType());
        if (!actualType.equals(declared)) {
            reject(media, "content_type_mismatch", "The uploaded file was stored as "
                    + (actualType.isEmpty() ? "no type" : actualType) + " but " + declared + " was declared");
        }
        byte[] prefix = storage.readPrefix(media.objectKey(), FileSignature.PREFIX_BYTES).orElse(new byte[0]);
        if (!FileSignature.matches(declared, prefix)) {
            reject(media, "content_mismatch", "The uploaded file's content is not " + declared);
        }
        boolean verified = jdbi.inTransaction(handle -> {
            if (!store.markVerified(handle, id)) {
                return false;
            }
            outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.MEDIA_UPLOADED, id.toString(),
                    MediaEvent.uploaded(id.toString(), ownerId, media.purpose().wireName(), declared,
                            media.sizeBytes()));
            return true;
        });
        MediaRow now = ownMedia(ownerId, id);
        if (!verified && now.status() == MediaStatus.FAILED) {
            throw DomainException.unprocessable("upload_rejected", now.failureReason());
        }
        return new Completion(view(now), verified);
    }

    public MediaView get(String ownerId, UUID id) {
        return view(ownMedia(ownerId, id));
    }

    /** The caller's own media; someone else's is indistinguishable from none. */
    private MediaRow ownMedia(String ownerId, UUID id) {
        return jdbi.withHandle(handle -> store.find(handle, id))
                .filter(media -> media.ownedBy(ownerId))
                .orElseThrow(() -> DomainException.notFound("Upload", id.toString()));
    }

    private MediaView view(MediaRow media) {
        return views.view(media, jdbi.withHandle(handle -> store.renditions(handle, media.id())));
    }

    /** Marks the upload failed, deletes what was stored, and answers 422 with the reason. */
    private void reject(MediaRow media, String code, String reason) {
        boolean rejected = jdbi.inTransaction(handle -> store.rejectPending(handle, media.id(), reason));
        if (rejected) {
            storage.delete(media.objectKey());
        }
        throw DomainException.unprocessable(code, reason + "; the file was deleted, start a new upload");
    }

    /** Retry-After: when the oldest pending upload expires, unless the client completes one sooner. */
    private DomainException tooManyPending(Duration untilOneExpires) {
        return DomainException.of(ErrorKind.RATE_LIMITED, "too_many_pending_uploads",
                        "At most " + maxPendingPerUser + " uploads may wait to be completed at once; complete one, "
                                + "or wait until the oldest expires",
                        Map.of("limit", maxPendingPerUser))
                .retryAfter(untilOneExpires.isNegative() ? Duration.ZERO : untilOneExpires);
    }

    /** The headers the signature covers, except Host (every client sets it from the URL). */
    private static Map<String, String> clientHeaders(Map<String, List<String>> signed) {
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return headers;
    }

    private static String canonical(String header) {
        StringBuilder out = new StringBuilder(header.length());
        boolean upper = true;
        for (char c : header.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    /** "Image/JPEG " → "image/jpeg"; parameters are not part of what we accept. */
    static String normalize(String contentType) {
        return contentType.strip().toLowerCase(Locale.ROOT);
    }
}
