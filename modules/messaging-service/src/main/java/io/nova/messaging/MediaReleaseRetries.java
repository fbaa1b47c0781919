package io.nova.messaging;

import io.dropwizard.lifecycle.Managed;
import io.nova.messaging.core.MediaReleases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Retries pending media releases ({@link MediaReleases#retryDue}) on a fixed delay while the service runs. */
final class MediaReleaseRetries implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(MediaReleaseRetries.class);

    private final MediaReleases releases;
    private final Duration every;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "media-release-retries");
        thread.setDaemon(true);
        return thread;
    });

    MediaReleaseRetries(MediaReleases releases, Duration every) {
        this.releases = releases;
        this.every = every;
    }

    @Override
    public void start() {
        executor.scheduleWithFixedDelay(this::retry, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void retry() {
        try {
            int released = releases.retryDue();
            if (released > 0) {
                LOG.info("Released the media of {} deleted or unwritten messages", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("Media release retry failed; next in {}: {}", every, e.toString());
        }
    }
}
