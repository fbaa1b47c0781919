package io.nova.content.clients;

import com.google.common.util.concurrent.ListenableFuture;
import io.nova.content.api.MediaView;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.GetMediaResponse;
import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.media.v1.MediaStatus;
import io.nova.proto.media.v1.ReleaseMediaRequest;
import io.nova.proto.media.v1.Rendition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * content-service's {@link io.nova.content.core.Media} from media-service (gRPC): claiming an author's ready media
 * for a new post (and giving it back when the post cannot be written), and presigned URLs for the media of a page
 * of posts (never cached: the URLs expire).
 */
public final class MediaLibrary implements io.nova.content.core.Media {

    static final String SERVICE = "media-service";
    private static final int BATCH = 100;

    private final MediaServiceGrpc.MediaServiceBlockingStub media;
    private final MediaServiceGrpc.MediaServiceFutureStub mediaAsync;

    public MediaLibrary(MediaServiceGrpc.MediaServiceBlockingStub media,
                        MediaServiceGrpc.MediaServiceFutureStub mediaAsync) {
        this.media = media;
        this.mediaAsync = mediaAsync;
    }

    @Override
    public void claim(NovaPrincipal author, List<UUID> ids, String claimant) {
        try {
            GrpcCalls.call(SERVICE, () -> media.withCallCredentials(GrpcIdentity.onBehalfOf(author))
                    .claimMedia(ClaimMediaRequest.newBuilder()
                            .setOwnerId(author.userId())
                            .addAllMediaIds(ids.stream().map(UUID::toString).toList())
                            .setClaimant(claimant)
                            .build()));
        } catch (DomainException refused) {
            throw refusal(refused);
        }
    }

    @Override
    public void release(NovaPrincipal author, List<UUID> ids, String claimant) {
        GrpcCalls.call(SERVICE, () -> media.withCallCredentials(GrpcIdentity.onBehalfOf(author))
                .releaseMedia(ReleaseMediaRequest.newBuilder()
                        .addAllMediaIds(ids.stream().map(UUID::toString).toList())
                        .setClaimant(claimant)
                        .build()));
    }

    @Override
    public Map<UUID, MediaView> views(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<ListenableFuture<GetMediaResponse>> pending = new ArrayList<>();
        for (int start = 0; start < all.size(); start += BATCH) {
            pending.add(mediaAsync.getMedia(GetMediaRequest.newBuilder()
                    .addAllMediaIds(all.subList(start, Math.min(all.size(), start + BATCH)).stream()
                            .map(UUID::toString).toList())
                    .build()));
        }
        Map<UUID, MediaView> views = new HashMap<>();
        for (ListenableFuture<GetMediaResponse> response : pending) {
            for (Media item : GrpcCalls.await(SERVICE, response).getMediaList()) {
                if (item.getStatus() == MediaStatus.MEDIA_STATUS_READY) {
                    views.put(UUID.fromString(item.getId()), view(item));
                }
            }
        }
        return views;
    }

    /** Images show their medium rendition, videos their playback one, each falling back to the original. */
    static MediaView view(Media item) {
        String type = item.getType().name().replace("MEDIA_TYPE_", "").toLowerCase(Locale.ROOT);
        String original = url(item, "original");
        String display = url(item, "medium");
        if (display == null) {
            display = url(item, "playback");
        }
        return new MediaView(item.getId(), type, display != null ? display : original, url(item, "thumbnail"));
    }

    private static String url(Media item, String name) {
        for (Rendition rendition : item.getRenditionsList()) {
            if (rendition.getName().equals(name)) {
                return rendition.getUrl();
            }
        }
        return null;
    }

    /** media-service's refusal as the author's mistake: a 422 naming the media (its {@code media_id} detail). */
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
        String message = description.isEmpty() ? "The media cannot be used in this post"
                : Character.toUpperCase(description.charAt(0)) + description.substring(1);
        Object mediaId = refused.details().get("media_id");
        return mediaId == null ? DomainException.unprocessable(code, message)
                : DomainException.unprocessable(code, message, Map.of("media_id", mediaId));
    }
}
