package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nova.contracts.Topics;
import io.nova.embedded.junit.TestPlatform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * Raises events the way the messaging core will: rows in the service's outbox, committed, with the contract's
 * payload {@code {"recipients": [...], "data": {...}}}. The kernel's relay publishes them to Kafka and the
 * fan-out takes them from there — the whole real path.
 */
final class OutboxEvents {

    private final TestPlatform platform;

    OutboxEvents(TestPlatform platform) {
        this.platform = platform;
    }

    /** One committed event per {@code n} in {@code from..to}: type {@code test.event}, data {@code {"n": n}}. */
    void raise(UUID conversation, Collection<UUID> recipients, int from, int to) {
        raise(conversation, recipients, from, to, "");
    }

    /** The same with a {@code pad} string in the data, to make frames as large as needed. */
    void raise(UUID conversation, Collection<UUID> recipients, int from, int to, String pad) {
        raise(conversation, recipients, from, to, pad, Duration.ZERO);
    }

    /** One commit every {@code gap}: a steady flow of events, as senders make it. */
    void raisePaced(UUID conversation, Collection<UUID> recipients, int from, int to, Duration gap) {
        raise(conversation, recipients, from, to, "", gap);
    }

    private void raise(UUID conversation, Collection<UUID> recipients, int from, int to, String pad, Duration gap) {
        try (Connection connection = platform.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO nova_outbox (event_id, topic, event_type, aggregate_id, payload)
                     VALUES (?, ?, ?, ?, CAST(? AS jsonb))""")) {
            for (int n = from; n <= to; n++) {
                if (n > from && !gap.isZero()) {
                    Thread.sleep(gap.toMillis());
                }
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, Topics.MESSAGING_EVENTS);
                insert.setString(3, "test.event");
                insert.setString(4, conversation.toString());
                insert.setString(5, payload(conversation, recipients, n, pad));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write outbox rows", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Any payload at all, for events that do not follow the contract. */
    void raiseRaw(String type, String aggregateId, String payloadJson) {
        try (Connection connection = platform.connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO nova_outbox (event_id, topic, event_type, aggregate_id, payload)
                     VALUES (?, ?, ?, ?, CAST(? AS jsonb))""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Topics.MESSAGING_EVENTS);
            insert.setString(3, type);
            insert.setString(4, aggregateId);
            insert.setString(5, payloadJson);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write an outbox row", e);
        }
    }

    private static String payload(UUID conversation, Collection<UUID> recipients, int n, String pad) {
        ObjectNode payload = SocketClient.JSON.createObjectNode();
        ArrayNode to = payload.putArray("recipients");
        recipients.forEach(user -> to.add(user.toString()));
        ObjectNode data = payload.putObject("data");
        data.put("conversation_id", conversation.toString());
        data.put("n", n);
        // This JVM's clock at the commit's start: tests in the same JVM measure delivery with it.
        data.put("raised_nanos", System.nanoTime());
        if (!pad.isEmpty()) {
            data.put("pad", pad);
        }
        return payload.toString();
    }
}
