package io.nova.messaging.core.realtime;

import io.dropwizard.lifecycle.Managed;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Redis pub/sub between replicas: "these users' logs grew" (announced by the log's append; every replica wakes the
 * sockets it holds of them) and
 * typing signals (delivered as they are, never logged). Both are best effort: a lost wake-up is healed by the
 * next heartbeat's read of the log; a lost typing signal is just lost, which is what typing is.
 */
public final class RealtimeSignals implements Managed {

    private final RTopic wakeTopic;
    private final RTopic typingTopic;
    private final LocalSockets sockets;

    public RealtimeSignals(RedissonClient redis, String prefix, LocalSockets sockets) {
        this.wakeTopic = redis.getTopic(wakeChannel(prefix), StringCodec.INSTANCE);
        this.typingTopic = redis.getTopic(prefix + "typing", StringCodec.INSTANCE);
        this.sockets = sockets;
    }

    @Override
    public void start() {
        wakeTopic.addListener(String.class, (channel, message) ->
                users(message).forEach(user -> sockets.forUser(user, Connection::wake)));
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

    /** The channel on which "these users' logs grew" is announced (by {@link ReplayLog#append}). */
    static String wakeChannel(String prefix) {
        return prefix + "wake";
    }

    /** The message that wakes {@code users}' sockets on every replica. */
    static String wakeMessage(Collection<UUID> users) {
        return join(users);
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
        return java.util.Arrays.stream(text.split(" ")).filter(part -> !part.isEmpty()).map(UUID::fromString);
    }
}
