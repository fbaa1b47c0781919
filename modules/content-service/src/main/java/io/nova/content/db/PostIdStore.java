package io.nova.content.db;

import io.nova.kernel.db.SettledIds;

/** Post ids settled for good: a post, or given up in {@code abandoned_posts} (V3__abandoned_posts.sql). */
public final class PostIdStore {

    /** The advisory-lock key space of post ids. */
    private static final int LOCK_SPACE = 0x506f5374;

    private PostIdStore() {
    }

    public static SettledIds create() {
        return new SettledIds("posts", "abandoned_posts", LOCK_SPACE);
    }
}
