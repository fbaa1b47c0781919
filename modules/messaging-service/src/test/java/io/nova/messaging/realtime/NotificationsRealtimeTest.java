package io.nova.messaging.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.messaging.notifications.NotificationsStack;
import io.nova.testing.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications on the socket: pushed as {@code notification.created|updated}, and the offline race of message
 * notifications — a message to a user is always either sent on one of their sockets or stored as a notification,
 * also when their socket closes while the message is on its way.
 */
class NotificationsRealtimeTest extends NotificationsStack {

    private static final Duration FRAME = Duration.ofSeconds(30);

    private final List<SocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() throws InterruptedException {
        for (SocketClient client : clients) {
            client.shutdown();
        }
        clients.clear();
    }

    @Test
    void aLikeIsPushedAsNotificationCreatedAndTheNextAsNotificationUpdated() throws Exception {
        People.Person ann = people.register();
        String post = post(ann, "push me");
        SocketClient socket = socket(ann);
        live(socket);

        like(people.register(), post);
        JsonNode created = socket.collect(type("notification.created"), 1, FRAME).get(0);
        assertThat(created.path("data").path("type").asText()).isEqualTo("like");
        assertThat(created.path("data").path("count").asInt()).isEqualTo(1);
        assertThat(created.path("data").path("target").path("post_id").asText()).isEqualTo(post);

        like(people.register(), post);
        JsonNode updated = socket.collect(type("notification.updated"), 1, FRAME).get(0);
        assertThat(updated.path("data").path("id").asText()).isEqualTo(created.path("data").path("id").asText());
        assertThat(updated.path("data").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void aConnectedMemberGetsTheMessageOnTheSocketAndNoNotification() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person dan = people.register();
        String group = conversation(bob, "group", ann, dan);
        SocketClient socket = socket(ann);
        live(socket);

        String message = say(bob, group, "live");

        JsonNode frame = socket.collect(type("message.created"), 1, FRAME).get(0);
        assertThat(frame.path("data").path("id").asText()).isEqualTo(message);
        // dan is offline: his notification comes from the same event, in the transaction that decided ann's.
        awaitNotifications(dan, now -> !of(now, "message", "message_id", message).isEmpty());
        assertThat(of(notifications(ann), "message", "message_id", message)).isEmpty();

        // The socket sent it: closing now leaves nothing behind.
        socket.shutdown();
        Thread.sleep(1_000);
        assertThat(of(notifications(ann), "message", "message_id", message)).isEmpty();
    }

    @Test
    void aSocketThatClosesBeforeSendingTheMessageLeavesANotification() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person dan = people.register();
        String group = conversation(bob, "group", ann, dan);
        SocketClient socket = socket(ann);
        // Connected, so ann counts as online; not resumed, so nothing is sent to the socket yet.
        socket.open();

        String message = say(bob, group, "in flight");
        awaitNotifications(dan, now -> !of(now, "message", "message_id", message).isEmpty());
        assertThat(of(notifications(ann), "message", "message_id", message))
                .as("online when the event was handled").isEmpty();

        socket.shutdown();

        awaitNotifications(ann, now -> !of(now, "message", "message_id", message).isEmpty());
    }

    @Test
    void aSocketClosedRightBeforeTheMessageLeavesANotification() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = conversation(bob, null, ann);
        SocketClient socket = socket(ann);
        live(socket);

        socket.shutdown();
        String message = say(bob, direct, "just missed you");

        awaitNotifications(ann, now -> !of(now, "message", "message_id", message).isEmpty());
        assertThat(messagesReceived(socket)).doesNotContain(message);
    }

    /**
     * The socket goes silent, so the server closes it (heartbeat timeout, 2 s here) while a message goes out every
     * 50 ms: whatever the moment of the close, each message reached the client or is a notification. (The server
     * closes here because a client that closes its socket itself drops the frames that arrive after its own close
     * frame — frames the server did send: see docs/api-notifications.md.)
     */
    @Test
    void aSocketClosedWhileMessagesArriveLosesNoneOfThem() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = conversation(bob, null, ann);
        List<String> sent = new ArrayList<>();
        Set<String> received = new HashSet<>();

        for (int round = 0; round < 3; round++) {
            SocketClient socket = socket(ann);
            // From now on; a message of the last round may still come first, and counts as received.
            socket.resume(socket.open().path("data").path("last_event_id").asText());
            socket.answerPings = false;
            while (socket.closed.getCount() > 0) {
                sent.add(say(bob, direct, "race " + round));
                Thread.sleep(50);
            }
            assertThat(socket.closeCode).isEqualTo(4002);
            // A few more while nobody is connected: these must be notifications.
            sent.add(say(bob, direct, "after " + round));
            received.addAll(messagesReceived(socket));
        }

        List<String> missing = sent.stream().filter(id -> !received.contains(id)).toList();
        assertThat(received).as("the socket got messages before it was closed").isNotEmpty();
        List<JsonNode> stored = awaitNotifications(ann, now -> missing.stream()
                .allMatch(id -> !of(now, "message", "message_id", id).isEmpty()));
        assertThat(stored).as("%d sent, %d received", sent.size(), received.size()).isNotEmpty();
    }

    // --- helpers ---

    private SocketClient socket(People.Person who) {
        SocketClient client = SocketClient.withHeader(URI.create("ws://127.0.0.1:" + messaging.httpPort()
                + "/ws"), who.token());
        clients.add(client);
        return client;
    }

    /**
     * Connects and resumes from the hello's last event id. Events fanned out between the hello and the resume
     * (this test's own conversation.created, say) come before {@code resumed}: they are passed over.
     */
    private static void live(SocketClient socket) throws InterruptedException {
        socket.resume(socket.open().path("data").path("last_event_id").asText());
        assertThat(socket.collect(type("resumed"), 1, FRAME)).as("resumed").hasSize(1);
    }

    /** The ids of the messages the client has received and not yet looked at. */
    private static List<String> messagesReceived(SocketClient socket) {
        List<String> ids = new ArrayList<>();
        for (JsonNode frame = socket.frames.poll(); frame != null; frame = socket.frames.poll()) {
            if (frame.path("type").asText().equals("message.created")) {
                ids.add(frame.path("data").path("id").asText());
            }
        }
        return ids;
    }

    private static java.util.function.Predicate<JsonNode> type(String type) {
        return frame -> frame.path("type").asText().equals(type);
    }
}
