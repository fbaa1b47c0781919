package io.nova.messaging;

import io.dropwizard.lifecycle.Managed;
import io.nova.messaging.core.MissedCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link MissedCalls#sweep} on a fixed delay while the service runs. Every replica runs one; the database
 * shares the due calls among them, so this is only the heartbeat of a rule the database keeps.
 */
final class MissedCallSweeps implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(MissedCallSweeps.class);

    private final MissedCalls missed;
    private final Duration every;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "missed-call-sweeps");
        thread.setDaemon(true);
        return thread;
    });

    MissedCallSweeps(MissedCalls missed, Duration every) {
        this.missed = missed;
        this.every = every;
    }

    @Override
    public void start() {
        executor.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            int ended = missed.sweep();
            if (ended > 0) {
                LOG.debug("{} unanswered calls ended as missed", ended);
            }
        } catch (RuntimeException e) {
            LOG.warn("Missed-call sweep failed; next in {}: {}", every, e.toString());
        }
    }
}
