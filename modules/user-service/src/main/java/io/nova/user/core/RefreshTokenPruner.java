package io.nova.user.core;

import io.nova.user.db.AccountStore;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes refresh-token rows a day after they expire: an expired token is refused by its signature check already,
 * so the row only grows the table. Runs in small batches so no run holds long locks; several replicas running it at
 * once just share the work.
 */
public final class RefreshTokenPruner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenPruner.class);
    static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(1);
    static final int BATCH = 1000;

    private final Jdbi jdbi;
    private final AccountStore store;
    private final Clock clock;

    public RefreshTokenPruner(Jdbi jdbi, AccountStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
    }

    /** One pass; returns how many rows it deleted. */
    public int prune() {
        var before = clock.instant().minus(KEEP_AFTER_EXPIRY);
        int total = 0;
        int deleted;
        do {
            deleted = jdbi.withHandle(handle -> store.deleteExpiredRefreshTokens(handle, before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public void run() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                LOG.info("Pruned {} expired refresh tokens", deleted);
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and try at the next interval.
            LOG.warn("Pruning expired refresh tokens failed; retrying at the next interval", e);
        }
    }
}
