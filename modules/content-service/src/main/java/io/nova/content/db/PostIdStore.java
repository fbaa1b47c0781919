package io.nova.content.db;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a post id is settled for good: a post exists under it, or it was given up ({@code abandoned_posts}).
 * Creating a post with claimed media and answering "no such post" both hold the id's transaction-scoped advisory
 * lock, so they are serialized: whichever comes second sees what the first committed (in READ COMMITTED each
 * statement after the lock is granted reads a new snapshot).
 */
public final class PostIdStore {

    /** The advisory-lock key space of post ids (the lock's first key; the second is the id's hash). */
    private static final int LOCK_SPACE = 0x506f5374;

    /** Locks {@code id} until the transaction ends; true when it was given up and must not become a post. */
    public boolean lockAndCheckAbandoned(Handle handle, UUID id) {
        lock(handle, id);
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM abandoned_posts WHERE id = :id)")
                .bind("id", id).mapTo(Boolean.class).one();
    }

    /**
     * Under each id's lock (taken in a fixed order, so two callers cannot deadlock): the ids that are posts, deleted
     * ones included. The others are recorded as abandoned before the transaction commits.
     */
    public Set<UUID> settle(Handle handle, Collection<UUID> ids) {
        List<UUID> ordered = ids.stream().distinct().sorted().toList();
        for (UUID id : ordered) {
            lock(handle, id);
        }
        UUID[] all = ordered.toArray(UUID[]::new);
        Set<UUID> existing = new HashSet<>(handle.createQuery("SELECT id FROM posts WHERE id = ANY(:ids)")
                .bind("ids", all).mapTo(UUID.class).list());
        UUID[] absent = ordered.stream().filter(id -> !existing.contains(id)).toArray(UUID[]::new);
        if (absent.length > 0) {
            handle.createUpdate("""
                            INSERT INTO abandoned_posts (id) SELECT unnest(CAST(:ids AS uuid[]))
                            ON CONFLICT (id) DO NOTHING""")
                    .bind("ids", absent).execute();
        }
        return existing;
    }

    private static void lock(Handle handle, UUID id) {
        handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(CAST(:id AS text)))")
                .bind("space", LOCK_SPACE).bind("id", id).mapTo(Integer.class).one();
    }
}
