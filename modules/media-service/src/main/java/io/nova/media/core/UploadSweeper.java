package io.nova.media.core;

import io.dropwizard.lifecycle.Managed;
import io.nova.kernel.storage.S3Storage;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStore;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes uploads never completed within their time — the object (if the client uploaded one) and the row — and,
 * after the same time, uploads that failed and back nothing. Rows are locked with SKIP LOCKED, so replicas sweeping
 * at once share the work; an object that cannot be deleted keeps its row for the next sweep.
 */
public final class UploadSweeper implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(UploadSweeper.class);
    private static final int BATCH = 100;

    private final Jdbi jdbi;
    private final MediaStore store;
    private final S3Storage storage;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public UploadSweeper(Jdbi jdbi, MediaStore store, S3Storage storage, Duration interval) {
        this.jdbi = jdbi;
        this.store = store;
        this.storage = storage;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "upload-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweepLogged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Sweeps until nothing expired is left; returns how many uploads were removed. */
    public int sweep() {
        int removed = 0;
        while (true) {
            int batch = jdbi.inTransaction(handle -> {
                List<MediaRow> expired = store.lockExpiredUnusable(handle, BATCH);
                for (MediaRow media : expired) {
                    // Rows first (renditions cascade), objects while the rows are still locked: a failed delete
                    // rolls the batch back and the next sweep tries again.
                    for (String key : store.delete(handle, media.id())) {
                        storage.delete(key);
                    }
                }
                return expired.size();
            });
            removed += batch;
            if (batch < BATCH) {
                return removed;
            }
        }
    }

    private void sweepLogged() {
        try {
            int removed = sweep();
            if (removed > 0) {
                LOG.info("Removed {} uploads that were never completed or failed", removed);
            }
        } catch (RuntimeException e) {
            // S3 or the database away: the next run tries again; the scheduler must not die with this run.
            LOG.warn("Sweeping expired uploads failed; retrying in {}", interval, e);
        }
    }
}
