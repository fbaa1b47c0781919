package io.nova.user.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.grpc.StatusRuntimeException;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.media.v1.MediaStatus;
import io.nova.proto.media.v1.MediaType;
import io.nova.proto.media.v1.Rendition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Avatars live in media-service. Setting one checks there that the media is the caller's own image and ready, and
 * claims it for the profile; reading profiles turns avatar media ids into the thumbnail's presigned URL, cached until
 * shortly before the signature expires so a profile read does not cost a gRPC call. When media-service is away a
 * profile still reads — without {@code avatar_url}.
 */
public final class Avatars {

    private static final Logger LOG = LoggerFactory.getLogger(Avatars.class);
    /** A URL is handed out at least this long before it stops working. */
    static final Duration URL_MARGIN = Duration.ofMinutes(1);
    private static final List<String> PREFERRED = List.of("thumbnail", "medium", "original");

    private record CachedUrl(String url, Instant expiresAt) {
    }

    private final MediaServiceGrpc.MediaServiceBlockingStub media;
    private final Duration deadline;
    private final Cache<UUID, CachedUrl> urls;

    public Avatars(MediaServiceGrpc.MediaServiceBlockingStub media, Duration deadline, int cacheSize) {
        this.media = media;
        this.deadline = deadline;
        this.urls = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfter(Expiry.<UUID, CachedUrl>creating((id, cached) ->
                        Duration.between(Instant.now(), cached.expiresAt().minus(URL_MARGIN))))
                .build();
    }

    /** Checks that {@code mediaId} may become the caller's avatar, and claims it for their profile. */
    public void claim(NovaPrincipal caller, UUID mediaId) {
        String id = mediaId.toString();
        Media item;
        try {
            item = mediaService().withCallCredentials(GrpcIdentity.onBehalfOf(caller))
                    .getMedia(GetMediaRequest.newBuilder().addMediaIds(id).build())
                    .getMediaList().stream().findFirst()
                    .orElseThrow(() -> DomainException.unprocessable("avatar_not_found", "Media " + id + " does not exist"));
            if (!item.getOwnerId().equals(caller.userId())) {
                throw DomainException.forbidden("Media " + id + " is not yours");
            }
            if (item.getType() != MediaType.MEDIA_TYPE_IMAGE) {
                throw DomainException.unprocessable("avatar_not_an_image", "Media " + id + " is not an image");
            }
            if (item.getStatus() != MediaStatus.MEDIA_STATUS_READY) {
                throw DomainException.unprocessable("media_not_ready", "Media " + id + " is not ready yet (it is "
                        + describe(item.getStatus()) + "); set it once its upload is complete and processed");
            }
            mediaService().withCallCredentials(GrpcIdentity.onBehalfOf(caller)).claimMedia(ClaimMediaRequest.newBuilder()
                    .setOwnerId(caller.userId()).addMediaIds(id).setClaimant("avatar:" + caller.userId()).build());
        } catch (StatusRuntimeException e) {
            throw switch (e.getStatus().getCode()) {
                case NOT_FOUND -> DomainException.unprocessable("avatar_not_found", "Media " + id + " does not exist");
                case PERMISSION_DENIED -> DomainException.forbidden("Media " + id + " is not yours");
                case FAILED_PRECONDITION -> DomainException.unprocessable("media_unavailable",
                        "Media " + id + " cannot be used: " + e.getStatus().getDescription());
                default -> unavailable(e);
            };
        }
        remember(item);
    }

    public Optional<String> url(UUID mediaId) {
        return mediaId == null ? Optional.empty() : Optional.ofNullable(urls(Set.of(mediaId)).get(mediaId));
    }

    /** The avatar URLs of those media ids that media-service knows and has verified; one call for all misses. */
    public Map<UUID, String> urls(Collection<UUID> mediaIds) {
        Map<UUID, String> found = new HashMap<>();
        List<UUID> missing = mediaIds.stream().filter(Objects::nonNull).distinct().filter(id -> {
            CachedUrl cached = urls.getIfPresent(id);
            if (cached != null) {
                found.put(id, cached.url());
            }
            return cached == null;
        }).toList();
        if (missing.isEmpty()) {
            return found;
        }
        try {
            mediaService().getMedia(GetMediaRequest.newBuilder()
                            .addAllMediaIds(missing.stream().map(UUID::toString).toList()).build())
                    .getMediaList().forEach(item -> remember(item).ifPresent(url ->
                            found.put(UUID.fromString(item.getId()), url)));
        } catch (StatusRuntimeException e) {
            LOG.warn("Avatar URLs unavailable ({}); profiles are served without them", e.getStatus());
        }
        return found;
    }

    private Optional<String> remember(Media item) {
        Map<String, String> byName = item.getRenditionsList().stream()
                .collect(Collectors.toMap(Rendition::getName, Rendition::getUrl, (a, b) -> a));
        Optional<String> url = PREFERRED.stream().map(byName::get).filter(Objects::nonNull).findFirst();
        if (url.isPresent() && item.hasUrlsExpireAt()) {
            Instant expires = Instant.ofEpochSecond(item.getUrlsExpireAt().getSeconds(), item.getUrlsExpireAt().getNanos());
            if (expires.isAfter(Instant.now().plus(URL_MARGIN))) {
                urls.put(UUID.fromString(item.getId()), new CachedUrl(url.get(), expires));
            }
        }
        return url;
    }

    private MediaServiceGrpc.MediaServiceBlockingStub mediaService() {
        return media.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static DomainException unavailable(StatusRuntimeException e) {
        LOG.warn("media-service failed an avatar check: {}", e.getStatus());
        return DomainException.unavailable("media_service_unavailable",
                "Avatars cannot be checked right now; try again shortly");
    }

    private static String describe(MediaStatus status) {
        return status.name().replace("MEDIA_STATUS_", "").toLowerCase(java.util.Locale.ROOT);
    }
}
