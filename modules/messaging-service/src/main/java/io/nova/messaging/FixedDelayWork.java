package io.nova.messaging;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Background work run on a fixed delay while the service runs: each round returns how much it did; a failed round
 * is logged and the next one comes after the delay. For work whose truth is in the database (unfinished media
 * releases, calls that rang out), so a round lost to a crash or a restart is simply done by the next one.
 */
final class FixedDelayWork implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(FixedDelayWork.class);

    private final String name;
    private final Duration every;
    private final IntSupplier round;
    private final String doneMessage;
    private final ScheduledExecutorService executor;

    /** {@code doneMessage}: logged with the round's count when it did something ({@code {}} stands for it). */
    FixedDelayWork(String name, Duration every, IntSupplier round, String doneMessage) {
        this.name = name;
        this.every = every;
        this.round = round;
        this.doneMessage = doneMessage;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start() {
        executor.scheduleWithFixedDelay(this::run, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            int done = round.getAsInt();
            if (done > 0) {
                LOG.info(doneMessage, done);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed; next in {}: {}", name, every, e.toString());
        }
    }
}
