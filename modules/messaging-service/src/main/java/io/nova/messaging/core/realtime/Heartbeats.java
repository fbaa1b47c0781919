package io.nova.messaging.core.realtime;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One thread that looks at every socket a few times per heartbeat interval (at most once a second): silent ones,
 * expired tokens and stalled send queues are closed; on each socket's beat a ping goes out and its log is read
 * again. Each look is a handful of field reads, so 10,000 sockets cost well under a millisecond a tick.
 */
public final class Heartbeats implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final LocalSockets sockets;
    private final long tickMillis;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "realtime-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    public Heartbeats(LocalSockets sockets, Duration heartbeatInterval) {
        this.sockets = sockets;
        this.tickMillis = Math.max(50, Math.min(1000, heartbeatInterval.toMillis() / 4));
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
    }

    private void tick() {
        long nowNanos = System.nanoTime();
        Instant now = Instant.now();
        for (Connection connection : sockets.all()) {
            try {
                connection.tick(nowNanos, now);
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of a socket of {} failed", connection.user(), e);
            }
        }
    }
}
