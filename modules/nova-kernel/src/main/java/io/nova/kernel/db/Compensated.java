package io.nova.kernel.db;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local transaction that follows a step already taken in another service (media claimed in media-service for a
 * post not written yet). When the transaction fails — any exception, a refusal, a constraint, the database gone —
 * the step is undone before the failure goes on to the caller, so the other service is not left holding state for
 * something that never came to exist.
 *
 * <p>Only a failure known to have rolled back is compensated: one thrown while the work ran. A failure of the
 * {@code COMMIT} itself leaves the outcome unknown (the row may exist), so nothing is undone then; the other
 * service's sweep asks later whether the owner exists, and that answer is final (see docs/api-media.md). A failed
 * undo is logged and added to the failure as suppressed: the same sweep takes it over.
 */
public final class Compensated {

    private static final Logger LOG = LoggerFactory.getLogger(Compensated.class);

    private Compensated() {
    }

    /** Runs {@code work} in a transaction; if it throws, runs {@code undo} and rethrows what {@code work} threw. */
    public static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work, Runnable undo) {
        boolean[] committing = {false};
        try {
            return jdbi.inTransaction(handle -> {
                T result = work.withHandle(handle);
                committing[0] = true;
                return result;
            });
        } catch (RuntimeException | Error failed) {
            if (committing[0]) {
                LOG.warn("A commit failed with its outcome unknown; the step taken before it is left for the sweep",
                        failed);
                throw failed;
            }
            try {
                undo.run();
            } catch (RuntimeException undoFailed) {
                LOG.warn("Could not undo the step taken before a failed transaction; the sweep will", undoFailed);
                failed.addSuppressed(undoFailed);
            }
            throw failed;
        }
    }
}
