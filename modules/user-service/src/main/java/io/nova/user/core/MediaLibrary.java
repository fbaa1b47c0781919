package io.nova.user.core;

import io.nova.kernel.auth.NovaPrincipal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What user-service needs of media-service, in user-service's terms (implemented over gRPC in {@code clients}).
 * A refusal arrives as the {@link io.nova.kernel.errors.DomainException} media-service threw, an outage as a 503
 * one: callers decide by its kind, never by its message.
 */
public interface MediaLibrary {

    /** Where an item is in its life; only a ready one has renditions to show. */
    enum State {
        PENDING, PROCESSING, READY, FAILED, UNSPECIFIED;

        /** As people read it in a refusal ("pending", "failed" …). */
        public String describe() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One media item: its owner, whether it is an image, its state, its renditions' URLs by name ("thumbnail",
     * "medium", "original" …), when those presigned URLs stop working (null if media-service did not say), and
     * who holds it ("avatar:&lt;user&gt;", "post:&lt;id&gt;"; empty when nobody does).
     */
    record Item(UUID id, UUID ownerId, boolean image, State state, Map<String, String> renditionUrls,
                Instant urlsExpireAt, String claimedBy) {
    }

    /** The item as {@code caller} sees it (their own unfinished uploads too); empty when media-service has none. */
    Optional<Item> get(NovaPrincipal caller, UUID mediaId);

    /** The items of those ids media-service knows, asked as this service. */
    List<Item> getAll(Collection<UUID> mediaIds);

    /** Marks the caller's item as used by {@code claimant}, so media-service keeps it. */
    void claim(NovaPrincipal caller, UUID mediaId, String claimant);

    /** Gives the caller's item back if {@code claimant} holds it. */
    void release(NovaPrincipal caller, UUID mediaId, String claimant);
}
