package io.nova.user.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
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
import java.util.function.Supplier;

/**
 * Avatars live in media-service. Setting one checks there that the media is the caller's own image and ready
 * ({@link AvatarRules}), and claims it for the profile; reading profiles turns avatar media ids into the thumbnail's
 * presigned URL, cached until shortly before the signature expires so a profile read does not cost a gRPC call.
 * When media-service is away a profile still reads — without {@code avatar_url}.
 */
public final class Avatars {

    private static final Logger LOG = LoggerFactory.getLogger(Avatars.class);
    /** A URL is handed out at least this long before it stops working. */
    static final Duration URL_MARGIN = Duration.ofMinutes(1);
    private static final List<String> PREFERRED = List.of("thumbnail", "medium", "original");

    private record CachedUrl(String url, Instant expiresAt) {
    }

    private final MediaLibrary media;
    private final Cache<UUID, CachedUrl> urls;

    public Avatars(MediaLibrary media, int cacheSize) {
        this.media = media;
        this.urls = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .expireAfter(Expiry.<UUID, CachedUrl>creating((id, cached) ->
                        Duration.between(Instant.now(), cached.expiresAt().minus(URL_MARGIN))))
                .build();
    }

    /**
     * Checks that {@code mediaId} may become the caller's avatar, and claims it for their profile. True when this
     * call took the claim; false when the profile held it already (the current or an earlier avatar), in which case
     * a failed profile write must not {@link #release} it.
     */
    public boolean claim(NovaPrincipal caller, UUID mediaId) {
        MediaLibrary.Item item = asking(mediaId, () -> media.get(caller, mediaId))
                .orElseThrow(() -> AvatarRules.notFound(mediaId));
        AvatarRules.check(caller.id(), item);
        String claimant = claimant(caller);
        asking(mediaId, () -> {
            media.claim(caller, mediaId, claimant);
            return null;
        });
        remember(item);
        return !claimant.equals(item.claimedBy());
    }

    /** Gives back a claim {@link #claim} took for a profile write that then failed. */
    public void release(NovaPrincipal caller, UUID mediaId) {
        media.release(caller, mediaId, claimant(caller));
    }

    private static String claimant(NovaPrincipal caller) {
        return "avatar:" + caller.id();
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
            media.getAll(missing).forEach(item -> remember(item).ifPresent(url -> found.put(item.id(), url)));
        } catch (DomainException e) {
            LOG.warn("Avatar URLs unavailable ({}); profiles are served without them", e.toString());
        }
        return found;
    }

    /** A call to media-service about {@code mediaId}, its refusals translated for someone setting an avatar. */
    private static <T> T asking(UUID mediaId, Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException e) {
            DomainException refusal = AvatarRules.refusal(mediaId, e);
            if (refusal.kind() == ErrorKind.UNAVAILABLE) {
                LOG.warn("media-service failed an avatar check: {}", e.toString());
            }
            throw refusal;
        }
    }

    private Optional<String> remember(MediaLibrary.Item item) {
        Optional<String> url = PREFERRED.stream().map(item.renditionUrls()::get).filter(Objects::nonNull).findFirst();
        Instant expires = item.urlsExpireAt();
        if (url.isPresent() && expires != null && expires.isAfter(Instant.now().plus(URL_MARGIN))) {
            urls.put(item.id(), new CachedUrl(url.get(), expires));
        }
        return url;
    }
}
