package io.nova.contracts;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Read-your-writes for the home feed without asking content-service on every page: the contract between
 * content-service, which creates posts, and user-service's feed, which learns of them from Kafka.
 *
 * <p>content-service {@link #mark}s the author with the new post's id <em>before</em> the post's transaction
 * commits. While an author is marked, the feed reads the author's newest posts from content-service on their first
 * page; unmarked, it trusts the author's own timeline. The fan-out {@link #clear}s the mark once the post is in that
 * timeline, and only if the mark still names that post, so a later post's mark outlives an earlier post's fan-out.
 *
 * <p>Marking first means no committed post is ever unmarked before its fan-out: a mark whose transaction then fails
 * costs a few extra reads until it expires ({@link #KEEP}), never a missing post. A mark must outlive the fan-out's
 * lag; after {@link #KEEP} of lag an author's own new post waits for the fan-out like everyone else's.
 */
public final class OwnPostMarks {

    private static final String PREFIX = "nova:own-post:";
    static final Duration KEEP = Duration.ofDays(1);

    /** KEYS mark; ARGV post id. Deletes the mark only while it names this post. */
    private static final String CLEAR = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final RedissonClient redis;

    public OwnPostMarks(RedissonClient redis) {
        this.redis = redis;
    }

    /** Marks {@code author} as having {@code post} not yet in their own timeline; call before the commit. */
    public void mark(UUID author, UUID post) {
        redis.getBucket(key(author), StringCodec.INSTANCE).set(post.toString(), KEEP);
    }

    /** Clears the mark if it still names {@code post}: that post is in the author's timeline now. */
    public void clear(UUID author, UUID post) {
        redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, CLEAR, RScript.ReturnType.LONG,
                List.of(key(author)), post.toString());
    }

    /**
     * The Redis key of {@code author}'s mark, for a reader that checks it inside its own script (the feed's timeline
     * read): a mark is present exactly while this key exists.
     */
    public static String key(UUID author) {
        return PREFIX + author;
    }
}
