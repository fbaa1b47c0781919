package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.api.Ids;
import io.nova.kernel.auth.InvalidTokenException;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's socket: what it says (ping, resume, typing, auth), the checks that keep it open (heartbeat, token
 * lifetime, inbound rate, a send queue that moves) and how it is closed. What it receives is its
 * {@link SocketDelivery}'s job.
 */
public final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final UUID user;
    private final FrameSink sink;
    private final Realtime realtime;
    private final SocketDelivery delivery;
    private final InboundRate rate;
    private final long heartbeatNanos;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean left = new AtomicBoolean();
    /** This socket in the user's {@link Presence}. */
    private final String socketId = UUID.randomUUID().toString();
    private volatile NovaPrincipal principal;
    private volatile long lastHeard;
    private volatile long nextBeat;

    Connection(NovaPrincipal principal, FrameSink sink, Realtime realtime) {
        this.user = principal.id();
        this.principal = principal;
        this.sink = sink;
        this.realtime = realtime;
        RealtimeSettings settings = realtime.settings();
        this.delivery = new SocketDelivery(user, sink, realtime.log(), realtime.executor(), realtime.frames(),
                realtime.metrics(), settings, realtime.presence());
        long now = System.nanoTime();
        this.rate = new InboundRate(settings.inboundPerSecond(), settings.inboundBurst(), now);
        this.heartbeatNanos = settings.heartbeatInterval().toNanos();
        this.lastHeard = now;
        this.nextBeat = now + heartbeatNanos;
    }

    public UUID user() {
        return user;
    }

    /** Counts the user as connected (before anything is sent, so no message to them falls between). */
    void join() {
        realtime.presence().join(user, socketId, realtime.missedMessages());
    }

    /** Sends {@code hello}; nothing else flows until the client resumes. */
    void start(EventId lastEventId) {
        delivery.offerControl(realtime.frames().hello(realtime.settings().heartbeatInterval().toMillis(),
                lastEventId));
    }

    /** A text frame from the client. Whatever it holds, the answer is a frame or a close — never an exception. */
    public void onText(String text) {
        if (!admitted()) {
            return;
        }
        try {
            JsonNode frame = parse(text);
            switch (frame.get("type").asText()) {
                case "ping" -> delivery.offerControl(realtime.frames().pong());
                case "resume" -> delivery.resume(EventId.parse(frame.path("after_event_id").asText(null))
                        .orElseThrow(() -> DomainException.invalid("invalid_event_id",
                                "after_event_id must be an event id such as \"1733389000000-0\" (from hello or an "
                                        + "event), or \"0-0\"")));
                case "typing" -> typing(frame);
                case "auth" -> authenticate(frame.path("token").asText(""));
                default -> throw DomainException.invalid("unknown_frame_type",
                        "Unknown frame type; clients send ping, resume, typing or auth");
            }
        } catch (DomainException e) {
            delivery.offerControl(realtime.frames().error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            // A dependency failing (Redis, the database): the client may retry; the socket stays.
            LOG.warn("A realtime frame of {} could not be handled: {}", user, e.toString());
            delivery.offerControl(realtime.frames().error("unavailable", "Try again in a moment"));
        }
    }

    /** Binary frames carry nothing in this protocol. */
    public void onBinary() {
        if (admitted()) {
            delivery.offerControl(realtime.frames().error("invalid_frame", "Frames are JSON text, not binary"));
        }
    }

    /** A pong control frame (the client's answer to our ping) counts as the client being there. */
    public void onPong() {
        heard();
    }

    /**
     * The socket is gone, however it ended. When it was the user's last one, the messages it was handed but never
     * sent become notifications ({@link Presence}).
     */
    public void onClosed() {
        closing.set(true);
        delivery.close();
        realtime.sockets().remove(this);
        leave();
    }

    /** Once per socket, whichever way it ends; a Redis failure here is healed by the presence TTL. */
    void leave() {
        if (left.compareAndSet(false, true)) {
            try {
                realtime.presence().leave(user, socketId, realtime.missedMessages());
            } catch (RuntimeException e) {
                LOG.warn("Could not take a socket of {} out of presence: {}", user, e.toString());
            }
        }
    }

    /** Something may have been appended to this user's log. */
    void wake() {
        delivery.requestDrain();
    }

    /** {@code event} was appended to this user's log right after {@code previous}. */
    void pushed(EventId previous, LoggedEvent event) {
        delivery.pushed(previous, event);
    }

    void signal(String frame) {
        delivery.offerEphemeral(frame);
    }

    /** The periodic check (see {@link Heartbeats}). */
    void tick(long nowNanos, Instant now) {
        if (nowNanos - lastHeard > 2 * heartbeatNanos) {
            close(CloseCodes.HEARTBEAT_TIMEOUT, "nothing received for two heartbeat intervals");
        } else if (!now.isBefore(principal.expiresAt())) {
            close(CloseCodes.UNAUTHENTICATED, "access token expired");
        } else if (delivery.stalled(nowNanos, realtime.settings().sendStallTimeout().toNanos())) {
            realtime.metrics().shed.mark();
            close(CloseCodes.TOO_SLOW, "too slow: resume to receive the rest");
        } else if (nowNanos - nextBeat >= 0) {
            nextBeat = nowNanos + heartbeatNanos;
            sink.ping();
            if (!closing.get()) {
                realtime.presence().refresh(user, socketId);
            }
            // Heals a lost wake-up: pub/sub is best effort, the log is not.
            delivery.requestDrain();
            stillValid();
        }
    }

    public void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            delivery.close();
            sink.close(code, reason);
        }
    }

    private void heard() {
        lastHeard = System.nanoTime();
    }

    /** Every client frame counts as a sign of life and against the inbound rate; a flood closes the socket. */
    private boolean admitted() {
        heard();
        realtime.metrics().framesIn.mark();
        if (rate.tryAcquire(System.nanoTime())) {
            return true;
        }
        close(CloseCodes.FLOODING, "too many frames");
        return false;
    }

    private JsonNode parse(String text) {
        JsonNode frame;
        try {
            frame = realtime.mapper().readTree(text);
        } catch (IOException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
            throw DomainException.invalid("invalid_frame", "Frames are JSON objects with a \"type\"");
        }
        return frame;
    }

    private void typing(JsonNode frame) {
        UUID conversation = Ids.param("conversation_id", frame.path("conversation_id").asText(null));
        Set<UUID> others = new HashSet<>(realtime.audience().membersVisibleTo(user, conversation));
        others.remove(user);
        realtime.signals().typing(others, realtime.frames().typing(conversation, user));
    }

    /** A fresh token for the same user extends the socket's life; anything else leaves it as it was. */
    private void authenticate(String token) {
        Optional<NovaPrincipal> fresh;
        try {
            fresh = Optional.of(realtime.tokens().verify(token));
        } catch (InvalidTokenException e) {
            fresh = Optional.empty();
        }
        if (fresh.isEmpty() || !user.toString().equals(fresh.get().userId())) {
            throw DomainException.of(io.nova.kernel.errors.ErrorKind.UNAUTHENTICATED, "invalid_token",
                    "A valid access token of this socket's user is required");
        }
        principal = fresh.get();
        delivery.offerControl(realtime.frames().authenticated(principal.expiresAt()));
    }

    /** A revoked token ends the socket as an expired one does. */
    private void stillValid() {
        try {
            realtime.tokens().verify(principal.accessToken());
        } catch (InvalidTokenException e) {
            close(CloseCodes.UNAUTHENTICATED, "access token no longer valid");
        } catch (RuntimeException e) {
            LOG.debug("Could not re-check a token: {}", e.toString());
        }
    }
}
