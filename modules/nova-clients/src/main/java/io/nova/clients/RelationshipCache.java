package io.nova.clients;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nova.contracts.RelationshipVersions;
import io.nova.proto.user.v1.Relationship;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * user-service's answers to "how does the viewer relate to this user?", kept in-process with both users'
 * {@link RelationshipVersions}: an answer is used only while neither user's version has changed, and user-service
 * changes them before it confirms a follow or block — so a block takes effect at once, as without a cache. A hit
 * costs one Redis round trip instead of a gRPC call and a query.
 */
final class RelationshipCache {

    private static final Logger LOG = LoggerFactory.getLogger(RelationshipCache.class);
    /**
     * Versions keep the answers right; this bounds the one case they cannot cover: a change confirmed while Redis
     * was down (user-service answers 503 then, and a client may not repeat it) followed by Redis coming back with
     * the versions from before — then a kept answer could match again, for at most this long.
     */
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Pair(UUID viewer, UUID other) {
    }

    private record Known(Relationship relationship, List<String> versions) {
    }

    private final RelationshipVersions versions;
    private final Cache<Pair, Known> known;

    RelationshipCache(RelationshipVersions versions, long size) {
        this.versions = versions;
        this.known = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(LIFETIME).build();
    }

    /** Both users' versions now; empty when Redis cannot say, and then nothing is cached or used. */
    Optional<List<String>> versions(UUID viewer, UUID other) {
        return read(() -> versions.current(viewer, other));
    }

    /** Each user's version now, read in one round trip; empty when Redis cannot say. */
    Optional<Map<UUID, String>> versions(Collection<UUID> users) {
        return read(() -> versions.current(users));
    }

    private <T> Optional<T> read(Supplier<T> current) {
        try {
            return Optional.of(current.get());
        } catch (RedisException e) {
            // Changes made while Redis is away renew no versions: nothing kept from before may be trusted again.
            known.invalidateAll();
            LOG.warn("Relationship versions unavailable, asking user-service uncached: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The answer kept for the pair, if it was kept under exactly these versions. */
    Optional<Relationship> get(UUID viewer, UUID other, List<String> current) {
        Known answer = known.getIfPresent(new Pair(viewer, other));
        return answer != null && answer.versions().equals(current) ? Optional.of(answer.relationship())
                : Optional.empty();
    }

    /** Keeps an answer user-service gave after {@code askedUnder} were read. */
    void put(UUID viewer, UUID other, List<String> askedUnder, Relationship relationship) {
        known.put(new Pair(viewer, other), new Known(relationship, askedUnder));
    }
}
