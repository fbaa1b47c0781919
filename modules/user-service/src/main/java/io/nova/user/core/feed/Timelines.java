package io.nova.user.core.feed;

import io.nova.contracts.OwnPostMarks;
import io.nova.contracts.RelationshipVersions;
import io.nova.kernel.paging.Keyset;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The home timelines in Redis. Per user: a sorted set {@code <prefix>tl:<user>} of {@code <post id>:<author id>}
 * scored by creation time in microseconds, capped at the newest {@code size}; and a marker {@code <prefix>m:<user>}
 * saying whether that set is a complete timeline ({@code ready}), being built ({@code building:<token>}), or — when
 * absent — not kept: never built, lost with Redis, or expired because the user did not read it for
 * {@code inactiveAfter}. Writes land only where a marker exists, so inactive users cost nothing and a flushed Redis is
 * never mistaken for an empty timeline. Every read renews both keys' lifetime: that is the activity record.
 */
public final class Timelines {

    /** KEYS marker, timeline; ARGV cap, ttl ms, then score, member pairs. Adds only where the marker exists. */
    private static final String ADD = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            for i = 3, #ARGV, 2 do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1]) end
            local cap = tonumber(ARGV[1])
            local n = redis.call('ZCARD', KEYS[2])
            if n > cap then redis.call('ZREMRANGEBYRANK', KEYS[2], 0, n - cap - 1) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
            return 1""";

    /** KEYS timeline; ARGV ":<author>": removes that author's entries. */
    private static final String REMOVE_AUTHOR = """
            local removed = 0
            for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              if string.sub(m, -#ARGV[1]) == ARGV[1] then redis.call('ZREM', KEYS[1], m); removed = removed + 1 end
            end
            return removed""";

    /**
     * KEYS marker, timeline, the user's own-post mark, the user's relationship version, the wide-author epoch;
     * ARGV max score, count, ttl ms, a fresh token, the version's and the epoch's ttl ms:
     * {marker or '', own posts pending 1/0, version, epoch, member, score, …}; renews both timeline keys, and draws
     * the version and the epoch where there is none (each its own token: the fresh one, tagged).
     */
    private static final String READ = """
            local marker = redis.call('GET', KEYS[1])
            if not marker then return {''} end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            local function current(key, tag, ttl)
              local token = redis.call('GET', key)
              if not token then
                token = ARGV[4] .. tag
                redis.call('SET', key, token, 'PX', ttl)
              end
              return token
            end
            local out = {marker, tostring(redis.call('EXISTS', KEYS[3])), current(KEYS[4], '.v', ARGV[5]),
                         current(KEYS[5], '.e', ARGV[6])}
            local entries = redis.call('ZREVRANGEBYSCORE', KEYS[2], ARGV[1], '-inf', 'WITHSCORES', 'LIMIT', 0, ARGV[2])
            for _, v in ipairs(entries) do out[#out + 1] = v end
            return out""";

    /** KEYS marker, timeline; ARGV token, build ttl ms. Starts a build unless one runs or the timeline is kept. */
    private static final String BEGIN = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('DEL', KEYS[2])
            redis.call('SET', KEYS[1], 'building:' .. ARGV[1], 'PX', ARGV[2])
            return 1""";

    /** KEYS marker, timeline; ARGV token, ttl ms. Completes the build this token started, if it still runs. */
    private static final String FINISH = """
            if redis.call('GET', KEYS[1]) ~= 'building:' .. ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], 'ready', 'PX', ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1""";

    /** KEYS marker; ARGV token. Gives up the build this token started. */
    private static final String ABANDON = """
            if redis.call('GET', KEYS[1]) == 'building:' .. ARGV[1] then redis.call('DEL', KEYS[1]) end
            return 1""";

    /**
     * A timeline read: {@code ready} when the set is a complete timeline; its entries, and whether it was cut;
     * {@code ownPending} when the user has created a post the fan-out has not put in this timeline yet
     * ({@link OwnPostMarks}); and, read in the same step, what a list of the user's wide followees may be kept
     * under ({@link WideFollowees}): the user's relationship version and the wide-author epoch.
     */
    public record Read(boolean ready, FeedRules.Source source, boolean ownPending, String followsVersion,
                       String wideEpoch) {
    }

    private final RedissonClient redis;
    private final String prefix;
    private final int size;
    private final Duration inactiveAfter;
    private final Duration buildTimeout;
    private final WideAuthors wideAuthors;

    public Timelines(RedissonClient redis, String prefix, int size, Duration inactiveAfter, Duration buildTimeout,
                     WideAuthors wideAuthors) {
        this.redis = redis;
        this.wideAuthors = wideAuthors;
        this.prefix = prefix;
        this.size = size;
        this.inactiveAfter = inactiveAfter;
        this.buildTimeout = buildTimeout;
    }

    public int size() {
        return size;
    }

    /** Up to {@code count} entries after {@code before}, newest first, and whether the timeline is ready. */
    public Read read(UUID user, Optional<Keyset> before, int count) {
        String max = before.map(position -> Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, position.at())))
                .orElse("+inf");
        int asked = count;
        while (true) {
            List<Object> reply = script().eval(RScript.Mode.READ_WRITE, READ, RScript.ReturnType.LIST,
                    List.of(marker(user), timeline(user), OwnPostMarks.key(user), RelationshipVersions.key(user),
                            wideAuthors.epochKey()),
                    max, Integer.toString(asked), Long.toString(inactiveAfter.toMillis()),
                    UUID.randomUUID().toString(), Long.toString(RelationshipVersions.KEEP.toMillis()),
                    Long.toString(WideAuthors.KEEP.toMillis()));
            if (!"ready".equals(reply.get(0))) {
                return new Read(false, new FeedRules.Source(List.of(), false), true, "", "");
            }
            boolean ownPending = "1".equals(reply.get(1));
            String followsVersion = (String) reply.get(2);
            String wideEpoch = (String) reply.get(3);
            int raw = (reply.size() - 4) / 2;
            List<FeedEntry> entries = new ArrayList<>();
            for (int i = 4; i + 1 < reply.size(); i += 2) {
                FeedEntry entry = entry((String) reply.get(i), (long) Double.parseDouble((String) reply.get(i + 1)));
                // The score range includes the cursor's own microsecond; of those, only smaller ids follow it.
                if (before.map(entry::after).orElse(true)) {
                    entries.add(entry);
                }
            }
            if (entries.size() >= count || raw < asked) {
                boolean cut = raw >= asked;
                return new Read(true, new FeedRules.Source(entries.subList(0, Math.min(count, entries.size())),
                        cut || entries.size() > count), ownPending, followsVersion, wideEpoch);
            }
            asked *= 2;
        }
    }

    /** Adds the entries to each user's timeline that is kept (ready or being built); others are left alone. */
    public void add(Collection<UUID> users, List<FeedEntry> entries) {
        if (users.isEmpty() || entries.isEmpty()) {
            return;
        }
        Object[] args = new Object[2 + 2 * entries.size()];
        args[0] = Integer.toString(size);
        args[1] = "0";
        for (int i = 0; i < entries.size(); i++) {
            args[2 + 2 * i] = Long.toString(entries.get(i).micros());
            args[3 + 2 * i] = member(entries.get(i));
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
        for (UUID user : users) {
            script.evalAsync(RScript.Mode.READ_WRITE, ADD, RScript.ReturnType.LONG,
                    List.of(marker(user), timeline(user)), args);
        }
        batch.execute();
    }

    /** Removes one post from these users' timelines. */
    public void remove(Collection<UUID> users, UUID postId, UUID authorId) {
        if (users.isEmpty()) {
            return;
        }
        String member = postId + ":" + authorId;
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        for (UUID user : users) {
            batch.getScoredSortedSet(timeline(user), StringCodec.INSTANCE).removeAsync(member);
        }
        batch.execute();
    }

    /** Removes every post of {@code author} from {@code user}'s timeline. */
    public void removeAuthor(UUID user, UUID author) {
        script().eval(RScript.Mode.READ_WRITE, REMOVE_AUTHOR, RScript.ReturnType.LONG, List.of(timeline(user)),
                ":" + author);
    }

    /** Starts building {@code user}'s timeline: the token to finish it with, or empty when it is kept already. */
    public Optional<String> beginBuild(UUID user) {
        String token = UUID.randomUUID().toString();
        long started = script().eval(RScript.Mode.READ_WRITE, BEGIN, RScript.ReturnType.LONG,
                List.of(marker(user), timeline(user)), token, Long.toString(buildTimeout.toMillis()));
        return started == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Marks the build ready; false when the marker vanished meanwhile (Redis flushed): the next read rebuilds. */
    public boolean finishBuild(UUID user, String token) {
        long done = script().eval(RScript.Mode.READ_WRITE, FINISH, RScript.ReturnType.LONG,
                List.of(marker(user), timeline(user)), token, Long.toString(inactiveAfter.toMillis()));
        return done == 1;
    }

    public void abandonBuild(UUID user, String token) {
        script().eval(RScript.Mode.READ_WRITE, ABANDON, RScript.ReturnType.LONG, List.of(marker(user)), token);
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    private String marker(UUID user) {
        return prefix + "m:" + user;
    }

    private String timeline(UUID user) {
        return prefix + "tl:" + user;
    }

    private static String member(FeedEntry entry) {
        return entry.postId() + ":" + entry.authorId();
    }

    private static FeedEntry entry(String member, long micros) {
        int colon = member.indexOf(':');
        return new FeedEntry(UUID.fromString(member.substring(0, colon)), UUID.fromString(member.substring(colon + 1)),
                micros);
    }
}
