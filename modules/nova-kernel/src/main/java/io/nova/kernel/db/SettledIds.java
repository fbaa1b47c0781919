package io.nova.kernel.db;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whether the id of a row that holds claims in another service is settled for good: the row exists, or the id was
 * given up (recorded in an "abandoned" table), so no write can still create it. This is what makes a service's
 * answer to media-service's claim sweep final (docs/api-media.md): a post or message whose media was claimed but
 * whose row never came to be is confirmed absent exactly once, and a write still running for that id then fails
 * instead of keeping media that was given back.
 *
 * <p>Writing such a row and answering "no such row" both hold the id's transaction-scoped advisory lock, so they
 * are serialized: whichever comes second sees what the first committed (in READ COMMITTED each statement after
 * the lock is granted reads a new snapshot).
 */
public final class SettledIds {

    private final String rows;
    private final String abandoned;
    private final int lockSpace;

    /**
     * @param rows      the table whose {@code id} column holds the ids (constant SQL, never user input)
     * @param abandoned the table of given-up ids: {@code (id uuid PRIMARY KEY, abandoned_at timestamptz)}
     * @param lockSpace the advisory lock's first key, one per kind of id within the database
     */
    public SettledIds(String rows, String abandoned, int lockSpace) {
        this.rows = rows;
        this.abandoned = abandoned;
        this.lockSpace = lockSpace;
    }

    /** Locks {@code id} until the transaction ends; true when it was given up and must not be written. */
    public boolean lockAndCheckAbandoned(Handle handle, UUID id) {
        lock(handle, id);
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM " + abandoned + " WHERE id = :id)")
                .bind("id", id).mapTo(Boolean.class).one();
    }

    /**
     * Under each id's lock (taken in a fixed order, so two callers cannot deadlock): the ids that are rows. The
     * others are recorded as abandoned before the transaction commits.
     */
    public Set<UUID> settle(Handle handle, Collection<UUID> ids) {
        List<UUID> ordered = ids.stream().distinct().sorted().toList();
        for (UUID id : ordered) {
            lock(handle, id);
        }
        UUID[] all = ordered.toArray(UUID[]::new);
        Set<UUID> existing = new HashSet<>(handle.createQuery("SELECT id FROM " + rows + " WHERE id = ANY(:ids)")
                .bind("ids", all).mapTo(UUID.class).list());
        UUID[] absent = ordered.stream().filter(id -> !existing.contains(id)).toArray(UUID[]::new);
        if (absent.length > 0) {
            handle.createUpdate("INSERT INTO " + abandoned + " (id) SELECT unnest(CAST(:ids AS uuid[])) "
                            + "ON CONFLICT (id) DO NOTHING")
                    .bind("ids", absent).execute();
        }
        return existing;
    }

    private void lock(Handle handle, UUID id) {
        handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(CAST(:id AS text)))")
                .bind("space", lockSpace).bind("id", id).mapTo(Integer.class).one();
    }
}
