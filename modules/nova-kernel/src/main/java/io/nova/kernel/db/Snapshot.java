package io.nova.kernel.db;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Reads that must agree with each other — a row and the rows it points to — taken from one snapshot of the
 * database. Separate statements outside a transaction each see the latest commit, so a commit that lands between
 * them shows half of itself: media-service once answered a video as "ready" but not "published" (read the video
 * row, then the media row after the transaction that made it ready and published the video had committed).
 */
public final class Snapshot {

    private Snapshot() {
    }

    public static <T> T read(Jdbi jdbi, HandleCallback<T, RuntimeException> reads) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, reads);
    }
}
