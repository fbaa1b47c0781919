package io.nova.user.clients;

import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.media.v1.MediaType;
import io.nova.proto.media.v1.ReleaseMediaRequest;
import io.nova.proto.media.v1.Rendition;
import io.nova.user.core.MediaLibrary;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@link MediaLibrary} over media-service's gRPC API; every call has the configured deadline. */
public final class GrpcMediaLibrary implements MediaLibrary {

    static final String SERVICE = "media-service";

    private final MediaServiceGrpc.MediaServiceBlockingStub media;
    private final Duration deadline;

    public GrpcMediaLibrary(MediaServiceGrpc.MediaServiceBlockingStub media, Duration deadline) {
        this.media = media;
        this.deadline = deadline;
    }

    @Override
    public Optional<Item> get(NovaPrincipal caller, UUID mediaId) {
        GetMediaRequest request = GetMediaRequest.newBuilder().addMediaIds(mediaId.toString()).build();
        return GrpcCalls.call(SERVICE, () -> stub().withCallCredentials(GrpcIdentity.onBehalfOf(caller))
                .getMedia(request)).getMediaList().stream().findFirst().map(GrpcMediaLibrary::item);
    }

    @Override
    public List<Item> getAll(Collection<UUID> mediaIds) {
        GetMediaRequest request = GetMediaRequest.newBuilder()
                .addAllMediaIds(mediaIds.stream().map(UUID::toString).toList()).build();
        return GrpcCalls.call(SERVICE, () -> stub().getMedia(request)).getMediaList().stream()
                .map(GrpcMediaLibrary::item).toList();
    }

    @Override
    public void claim(NovaPrincipal caller, UUID mediaId, String claimant) {
        ClaimMediaRequest request = ClaimMediaRequest.newBuilder().setOwnerId(caller.id().toString())
                .addMediaIds(mediaId.toString()).setClaimant(claimant).build();
        GrpcCalls.call(SERVICE, () -> stub().withCallCredentials(GrpcIdentity.onBehalfOf(caller))
                .claimMedia(request));
    }

    @Override
    public void release(NovaPrincipal caller, UUID mediaId, String claimant) {
        ReleaseMediaRequest request = ReleaseMediaRequest.newBuilder().addMediaIds(mediaId.toString())
                .setClaimant(claimant).build();
        GrpcCalls.call(SERVICE, () -> stub().withCallCredentials(GrpcIdentity.onBehalfOf(caller))
                .releaseMedia(request));
    }

    private MediaServiceGrpc.MediaServiceBlockingStub stub() {
        return media.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Item item(Media media) {
        Map<String, String> urls = media.getRenditionsList().stream()
                .collect(Collectors.toMap(Rendition::getName, Rendition::getUrl, (first, second) -> first));
        Instant expires = media.hasUrlsExpireAt()
                ? Instant.ofEpochSecond(media.getUrlsExpireAt().getSeconds(), media.getUrlsExpireAt().getNanos())
                : null;
        return new Item(UUID.fromString(media.getId()), Ids.parse(media.getOwnerId()).orElse(null),
                media.getType() == MediaType.MEDIA_TYPE_IMAGE, state(media.getStatus()), urls, expires,
                media.getClaimedBy());
    }

    private static State state(io.nova.proto.media.v1.MediaStatus status) {
        return switch (status) {
            case MEDIA_STATUS_PENDING -> State.PENDING;
            case MEDIA_STATUS_PROCESSING -> State.PROCESSING;
            case MEDIA_STATUS_READY -> State.READY;
            case MEDIA_STATUS_FAILED -> State.FAILED;
            default -> State.UNSPECIFIED;
        };
    }
}
