package io.nova.kernel.events;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The relay's wake-up: a connection that LISTENs on {@code nova_outbox}, notified by a trigger when a transaction
 * that wrote outbox rows commits (V0_3__outbox_notify.sql). Waiting on it replaces a fixed poll, so an event leaves
 * for Kafka milliseconds after its commit, and an idle service does no more than its fallback poll.
 *
 * <p>A lost connection (the database restarted) is not an error the relay has to handle: the wait degrades to a
 * plain sleep of the fallback interval, and the next wait listens again. Rows committed while nobody listened are
 * found by the relay pass that follows every wait.
 */
final class OutboxSignal implements AutoCloseable {

    static final String CHANNEL = "nova_outbox";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSignal.class);
    private static final Duration SLICE = Duration.ofMillis(250);

    private final Jdbi jdbi;
    private Handle listening;

    OutboxSignal(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Starts listening if it is not already. Call before a relay pass: a commit between the pass's read and the
     * next {@link #await} is then a notification waiting on the connection, not a row left for the fallback poll.
     */
    void listen() {
        if (listening != null) {
            return;
        }
        Handle handle = null;
        try {
            handle = jdbi.open();
            handle.execute("LISTEN " + CHANNEL);
            listening = handle;
        } catch (RuntimeException e) {
            LOG.debug("Cannot listen for outbox commits now; polling", e);
            closeQuietly(handle);
        }
    }

    /**
     * Returns when a transaction with outbox rows has committed, after {@code fallback} at the latest, or soon
     * after {@code stopping} turns true (the driver's wait cannot be interrupted, so it waits in short slices).
     */
    void await(Duration fallback, BooleanSupplier stopping) throws InterruptedException {
        long deadline = System.nanoTime() + fallback.toNanos();
        while (!stopping.getAsBoolean()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return;
            }
            int slice = (int) Math.min(left, SLICE.toMillis());
            if (listening == null) {
                Thread.sleep(slice);
                continue;
            }
            try {
                PGNotification[] notifications = listening.getConnection().unwrap(PGConnection.class)
                        .getNotifications(slice);
                if (notifications != null && notifications.length > 0) {
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Lost the outbox listener connection ({}); polling until it is back", e.toString());
                close();
            }
        }
    }

    @Override
    public void close() {
        Handle handle = listening;
        listening = null;
        closeQuietly(handle);
    }

    /**
     * Closing a handle whose connection the server cut throws (Jdbi resets the transaction status first): that
     * must not escape — it once ended the relay thread after a PostgreSQL restart, and no event left again.
     */
    private static void closeQuietly(Handle handle) {
        if (handle != null) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox listener", e);
            }
        }
    }
}
