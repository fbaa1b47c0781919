package io.nova.messaging.core.realtime;

import io.dropwizard.lifecycle.Managed;
import io.nova.kernel.api.Ids;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Redis pub/sub between replicas: "these users' logs grew" ({@link WakeMessage}, announced by the fan-out after
 * each append; every replica hands the new entries to the sockets it holds of those users, or wakes them to read)
 * and typing signals (delivered as they are, never logged). Both are best effort: a lost wake-up is healed by the
 * next heartbeat's read of the log; a lost typing signal is just lost, which is what typing is.
 */
public final class RealtimeSignals implements Managed {

    private final RTopic wakeTopic;
    private final RTopic typingTopic;
    private final LocalSockets sockets;
    /** Tells this replica's own wake messages from the others' when they come back from Redis. */
    private final String replica = UUID.randomUUID().toString();

    public RealtimeSignals(RedissonClient redis, String prefix, LocalSockets sockets) {
        this.wakeTopic = redis.getTopic(wakeChannel(prefix), StringCodec.INSTANCE);
        this.typingTopic = redis.getTopic(prefix + "typing", StringCodec.INSTANCE);
        this.sockets = sockets;
    }

    @Override
    public void start() {
        wakeTopic.addListener(String.class, (channel, message) -> woken(message));
        typingTopic.addListener(String.class, (channel, message) -> {
            int newline = message.indexOf('\n');
            if (newline > 0) {
                String frame = message.substring(newline + 1);
                users(message.substring(0, newline)).forEach(user ->
                        sockets.forUser(user, connection -> connection.signal(frame)));
            }
        });
    }

    @Override
    public void stop() {
        wakeTopic.removeAllListeners();
        typingTopic.removeAllListeners();
    }

    /**
     * Tells every replica what an append did (one message for the whole append). This replica's own sockets are
     * handed it here and now, not when it comes back from Redis: no round trip, no decoding, and they are served
     * even while pub/sub is down.
     */
    void announce(WakeMessage message) {
        if (!message.isEmpty()) {
            deliver(message);
            wakeTopic.publish(message.encode(replica));
        }
    }

    private void woken(String message) {
        if (WakeMessage.isFrom(message, replica)) {
            return; // delivered when it was announced
        }
        Optional<WakeMessage> decoded = WakeMessage.decode(message);
        if (decoded.isEmpty()) {
            // A replica of the version before carried entries sends the users alone (during a rolling update).
            users(message).forEach(user -> sockets.forUser(user, Connection::wake));
            return;
        }
        deliver(decoded.get());
    }

    private void deliver(WakeMessage message) {
        for (ReplayLog.Appended appended : message.carried()) {
            sockets.forUser(appended.user(), connection -> connection.pushed(appended.previous(), appended.event()));
        }
        message.wake().forEach(user -> sockets.forUser(user, Connection::wake));
    }

    /** The channel on which "these users' logs grew" is announced. */
    static String wakeChannel(String prefix) {
        return prefix + "wake";
    }

    void typing(Collection<UUID> users, String frame) {
        if (!users.isEmpty()) {
            typingTopic.publish(join(users) + "\n" + frame);
        }
    }

    private static String join(Collection<UUID> users) {
        return users.stream().map(UUID::toString).collect(Collectors.joining(" "));
    }

    private static java.util.stream.Stream<UUID> users(String text) {
        return java.util.Arrays.stream(text.split(" ")).map(Ids::parse).flatMap(Optional::stream);
    }
}
