package io.nova.media.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.media.api.MediaView;
import io.nova.media.api.RenditionView;
import io.nova.media.core.MediaClaims;
import io.nova.media.core.SharedMedia;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.ClaimMediaResponse;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.GetMediaResponse;
import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.media.v1.MediaStatus;
import io.nova.proto.media.v1.MediaType;
import io.nova.proto.media.v1.ReleaseMediaRequest;
import io.nova.proto.media.v1.ReleaseMediaResponse;
import io.nova.proto.media.v1.Rendition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The gRPC {@code nova.media.v1.MediaService}: hydrating media for posts, profiles and messages, and claiming it.
 * Only translates: the rules and their transactions are {@link MediaClaims}'; its refusals are DomainExceptions,
 * which the kernel's interceptor sends as statuses.
 */
public final class MediaGrpcService extends MediaServiceGrpc.MediaServiceImplBase {

    private final MediaClaims claims;

    public MediaGrpcService(MediaClaims claims) {
        this.claims = claims;
    }

    @Override
    public void getMedia(GetMediaRequest request, StreamObserver<GetMediaResponse> response) {
        List<SharedMedia> found = claims.find(request.getMediaIdsList());
        response.onNext(GetMediaResponse.newBuilder().addAllMedia(found.stream().map(MediaGrpcService::media)
                .toList()).build());
        response.onCompleted();
    }

    @Override
    public void claimMedia(ClaimMediaRequest request, StreamObserver<ClaimMediaResponse> response) {
        List<SharedMedia> claimed = claims.claim(caller(), request.getOwnerId(), request.getMediaIdsList(),
                request.getClaimant());
        response.onNext(ClaimMediaResponse.newBuilder().addAllMedia(claimed.stream().map(MediaGrpcService::media)
                .toList()).build());
        response.onCompleted();
    }

    @Override
    public void releaseMedia(ReleaseMediaRequest request, StreamObserver<ReleaseMediaResponse> response) {
        List<UUID> released = claims.release(caller(), request.getMediaIdsList(), request.getClaimant());
        response.onNext(ReleaseMediaResponse.newBuilder()
                .addAllReleasedIds(released.stream().map(UUID::toString).toList()).build());
        response.onCompleted();
    }

    /** The user the call is made on behalf of; none for a service calling on its own account. */
    private static Optional<String> caller() {
        return GrpcIdentity.caller().map(NovaPrincipal::userId);
    }

    private static Media media(SharedMedia shared) {
        MediaView view = shared.view();
        Media.Builder media = Media.newBuilder()
                .setId(view.id())
                .setOwnerId(shared.ownerId())
                .setType(type(view.type()))
                .setStatus(status(view.status()))
                .setContentType(view.contentType())
                .setSizeBytes(view.sizeBytes())
                .setWidth(orZero(view.width()))
                .setHeight(orZero(view.height()))
                .setDurationMs(view.durationMs() == null ? 0 : view.durationMs())
                .setFailureReason(view.failureReason() == null ? "" : view.failureReason())
                .setClaimedBy(shared.claimedBy() == null ? "" : shared.claimedBy());
        for (RenditionView file : view.renditions()) {
            media.addRenditions(Rendition.newBuilder().setName(file.name()).setUrl(file.url())
                    .setContentType(file.contentType()).setWidth(orZero(file.width()))
                    .setHeight(orZero(file.height())));
        }
        if (view.urlsExpireAt() != null) {
            Instant expires = view.urlsExpireAt();
            media.setUrlsExpireAt(Timestamp.newBuilder().setSeconds(expires.getEpochSecond())
                    .setNanos(expires.getNano()));
        }
        return media.build();
    }

    /** The API's wire names of purposes ({@code MediaView.type}) as the contract's enum. */
    private static MediaType type(String purpose) {
        return switch (purpose) {
            case "image" -> MediaType.MEDIA_TYPE_IMAGE;
            case "video" -> MediaType.MEDIA_TYPE_VIDEO;
            case "reel" -> MediaType.MEDIA_TYPE_REEL;
            default -> throw new IllegalStateException("no MediaType for purpose " + purpose);
        };
    }

    private static MediaStatus status(String status) {
        return switch (status) {
            case "pending" -> MediaStatus.MEDIA_STATUS_PENDING;
            case "processing" -> MediaStatus.MEDIA_STATUS_PROCESSING;
            case "ready" -> MediaStatus.MEDIA_STATUS_READY;
            case "failed" -> MediaStatus.MEDIA_STATUS_FAILED;
            default -> throw new IllegalStateException("no MediaStatus for status " + status);
        };
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
