package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.auth.NovaPrincipal;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The realtime layer of one replica: opens {@link Connection}s for authenticated sockets and holds what they
 * share — the replay logs, the pub/sub signals, the sockets by user, the delivery threads, the settings.
 */
public final class Realtime implements Managed {

    private final RealtimeSettings settings;
    private final ReplayLog log;
    private final RealtimeSignals signals;
    private final LocalSockets sockets;
    private final ConversationAudience audience;
    private final AccessTokenVerifier tokens;
    private final ObjectMapper mapper;
    private final Frames frames;
    private final RealtimeMetrics metrics;
    private final Presence presence;
    private final MissedMessages missedMessages;
    private final ExecutorService executor;

    public Realtime(RealtimeSettings settings, ReplayLog log, RealtimeSignals signals, LocalSockets sockets,
                    ConversationAudience audience, AccessTokenVerifier tokens, ObjectMapper mapper,
                    RealtimeMetrics metrics, Presence presence, MissedMessages missedMessages,
                    int deliveryThreads) {
        this.settings = settings;
        this.log = log;
        this.signals = signals;
        this.sockets = sockets;
        this.audience = audience;
        this.tokens = tokens;
        this.mapper = mapper;
        this.frames = new Frames(mapper);
        this.metrics = metrics;
        this.presence = presence;
        this.missedMessages = missedMessages;
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(deliveryThreads, runnable -> {
            Thread thread = new Thread(runnable, "realtime-delivery-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A new socket of an authenticated user: registered, then greeted with {@code hello}. Empty when the replica
     * is stopping (the client goes to another one).
     */
    public Optional<Connection> open(NovaPrincipal principal, FrameSink sink) {
        Connection connection = new Connection(principal, sink, this);
        if (!sockets.add(connection)) {
            return Optional.empty();
        }
        try {
            connection.join();
            connection.start(log.last(connection.user()));
        } catch (RuntimeException e) {
            sockets.remove(connection);
            connection.leave();
            throw e;
        }
        return Optional.of(connection);
    }

    public RealtimeSettings settings() {
        return settings;
    }

    public LocalSockets sockets() {
        return sockets;
    }

    ReplayLog log() {
        return log;
    }

    RealtimeSignals signals() {
        return signals;
    }

    ConversationAudience audience() {
        return audience;
    }

    AccessTokenVerifier tokens() {
        return tokens;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Frames frames() {
        return frames;
    }

    RealtimeMetrics metrics() {
        return metrics;
    }

    Presence presence() {
        return presence;
    }

    MissedMessages missedMessages() {
        return missedMessages;
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
