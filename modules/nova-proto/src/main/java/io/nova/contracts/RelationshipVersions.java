package io.nova.contracts;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When a cached answer to "how do these two users relate?" (follows, blocks) may be used: the contract between
 * user-service, which owns relationships, and the services that cache its answers.
 *
 * <p>Each user has a version in Redis. A reader takes both users' {@link #current} versions <em>before</em> it
 * asks user-service and keeps the answer with them; the answer stays good while both versions are unchanged.
 * user-service calls {@link #changed} for both users after a change commits and before it answers, so no request
 * that starts after a block has been confirmed can see the relation from before it.
 *
 * <p>A version is a random token, never a counter: a user's first read (or the first after the token expired, or
 * after Redis lost its data) draws a fresh one, which cannot equal any token an old cached answer carries.
 */
public final class RelationshipVersions {

    private static final String PREFIX = "nova:relationship-version:";
    /** Idle tokens are dropped after this; the next read draws a new one (one cache miss). */
    public static final Duration KEEP = Duration.ofDays(1);

    /**
     * Each key's token, or when it has none yet a fresh one (stored for KEEP): ARGV's random draw and the key's place,
     * so one draw per call serves every key. One round trip.
     */
    private static final String CURRENT_OR_DRAW = """
            local tokens = {}
            for i, key in ipairs(KEYS) do
              local token = redis.call('GET', key)
              if not token then
                token = ARGV[1] .. '.' .. i
                redis.call('SET', key, token, 'PX', ARGV[2])
              end
              tokens[i] = token
            end
            return tokens""";

    private final RedissonClient redis;

    public RelationshipVersions(RedissonClient redis) {
        this.redis = redis;
    }

    /** The two users' current versions, in the order given. */
    public List<String> current(UUID one, UUID other) {
        return tokens(List.of(one, other));
    }

    /**
     * Each user's current version, all in one round trip: what a batch of lookups (a page of posts, a batch of
     * events) reads once for all its pairs instead of once per pair.
     */
    public Map<UUID, String> current(Collection<UUID> users) {
        List<UUID> ordered = List.copyOf(new LinkedHashSet<>(users));
        List<String> tokens = ordered.isEmpty() ? List.of() : tokens(ordered);
        Map<UUID, String> versions = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            versions.put(ordered.get(i), tokens.get(i));
        }
        return versions;
    }

    private List<String> tokens(List<UUID> users) {
        List<Object> keys = new ArrayList<>(users.size());
        for (UUID user : users) {
            keys.add(key(user));
        }
        return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, CURRENT_OR_DRAW,
                RScript.ReturnType.LIST, keys, UUID.randomUUID().toString(), Long.toString(KEEP.toMillis()));
    }

    /** Every cached relation of either user is stale from now on. */
    public void changed(UUID one, UUID other) {
        redis.getKeys().delete(key(one), key(other));
    }

    /**
     * The Redis key of {@code user}'s version, for a reader that takes it inside its own script (the home feed's
     * timeline read). Such a reader draws as {@link #current} does: when the key is absent it stores a random token
     * of its own for {@link #KEEP}, and keeps its answer under whatever token the key then holds.
     */
    public static String key(UUID user) {
        return PREFIX + user;
    }
}
