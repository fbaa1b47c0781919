package io.nova.clients;

import com.google.common.util.concurrent.ListenableFuture;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.GetMediaResponse;
import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.media.v1.MediaStatus;
import io.nova.proto.media.v1.ReleaseMediaRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * media-service (gRPC) for the services whose content carries media (posts, messages): claiming a user's ready
 * media for one claimant, giving it back, and reading the ready media of a page (never cached: the URLs expire).
 * A service's clients package turns the answers into its own views ({@link MediaDisplay}).
 */
public final class MediaCatalog {

    /** The peer's name in errors and logs ({@code GrpcCalls}). */
    public static final String SERVICE = "media-service";
    /** media-service answers at most this many ids per call. */
    private static final int BATCH = 100;

    private final MediaServiceGrpc.MediaServiceBlockingStub media;
    private final MediaServiceGrpc.MediaServiceFutureStub mediaAsync;

    public MediaCatalog(MediaServiceGrpc.MediaServiceBlockingStub media,
                        MediaServiceGrpc.MediaServiceFutureStub mediaAsync) {
        this.media = media;
        this.mediaAsync = mediaAsync;
    }

    /**
     * Claims the media for {@code claimant} on the owner's behalf, all or nothing, and returns it as claimed (in
     * media-service's order). Media that is unknown, someone else's, not ready, or used elsewhere is the owner's
     * mistake: a 422 ({@code media_not_found}, {@code media_not_yours}, {@code media_not_usable},
     * {@code invalid_media}) naming the media in {@code details.media_id}.
     */
    public List<Media> claim(NovaPrincipal owner, List<UUID> ids, String claimant) {
        try {
            return GrpcCalls.call(SERVICE, () -> media.withCallCredentials(GrpcIdentity.onBehalfOf(owner))
                    .claimMedia(ClaimMediaRequest.newBuilder()
                            .setOwnerId(owner.userId())
                            .addAllMediaIds(ids.stream().map(UUID::toString).toList())
                            .setClaimant(claimant)
                            .build())).getMediaList();
        } catch (DomainException refused) {
            if (refused.kind() == ErrorKind.UNAVAILABLE) {
                throw givenBack(refused, ids, claimant);
            }
            throw refusal(refused);
        }
    }

    /**
     * A claim that timed out or met an outage may still have been made: media-service can have claimed the media
     * after our deadline passed. The caller answers 503 and the client retries with a new claimant (a new post id),
     * which would then find its own media "used by" something that never came to exist until the sweep. So the
     * claim is given back at once; if that fails too, the sweep still does it later.
     */
    private DomainException givenBack(DomainException outage, List<UUID> ids, String claimant) {
        try {
            release(ids, claimant);
        } catch (RuntimeException stillDown) {
            outage.addSuppressed(stillDown);
        }
        return outage;
    }

    /**
     * Gives back what {@code claimant} holds of {@code ids} (the content that used it is gone, or was never
     * written); ids it does not hold are left alone, so a repeat changes nothing. Returns the ids released now.
     */
    public List<UUID> release(Collection<UUID> ids, String claimant) {
        List<UUID> all = List.copyOf(ids);
        List<UUID> released = new ArrayList<>();
        for (int start = 0; start < all.size(); start += BATCH) {
            List<UUID> batch = all.subList(start, Math.min(all.size(), start + BATCH));
            GrpcCalls.call(SERVICE, () -> media.releaseMedia(ReleaseMediaRequest.newBuilder()
                            .addAllMediaIds(batch.stream().map(UUID::toString).toList())
                            .setClaimant(claimant)
                            .build()))
                    .getReleasedIdsList().forEach(id -> released.add(UUID.fromString(id)));
        }
        return released;
    }

    /** The ready media among {@code ids}, by id; unknown, deleted or unfinished media is absent. */
    public Map<UUID, Media> ready(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<ListenableFuture<GetMediaResponse>> pending = new ArrayList<>();
        for (int start = 0; start < all.size(); start += BATCH) {
            pending.add(mediaAsync.getMedia(GetMediaRequest.newBuilder()
                    .addAllMediaIds(all.subList(start, Math.min(all.size(), start + BATCH)).stream()
                            .map(UUID::toString).toList())
                    .build()));
        }
        Map<UUID, Media> ready = new HashMap<>();
        for (ListenableFuture<GetMediaResponse> response : pending) {
            for (Media item : GrpcCalls.await(SERVICE, response).getMediaList()) {
                if (item.getStatus() == MediaStatus.MEDIA_STATUS_READY) {
                    ready.put(UUID.fromString(item.getId()), item);
                }
            }
        }
        return ready;
    }

    /** media-service's refusal of a claim as the owner's mistake: a 422 naming the media ({@code media_id}). */
    static DomainException refusal(DomainException refused) {
        String code = switch (refused.kind()) {
            case NOT_FOUND -> "media_not_found";
            case FORBIDDEN -> "media_not_yours";
            case UNPROCESSABLE -> "media_not_usable";
            case INVALID -> "invalid_media";
            default -> null;
        };
        if (code == null) {
            return refused;
        }
        String description = refused.getMessage();
        String message = description.isEmpty() ? "The media cannot be used here"
                : Character.toUpperCase(description.charAt(0)) + description.substring(1);
        Object mediaId = refused.details().get("media_id");
        return mediaId == null ? DomainException.unprocessable(code, message)
                : DomainException.unprocessable(code, message, Map.of("media_id", mediaId));
    }
}
