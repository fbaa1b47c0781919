package io.nova.messaging.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.content.ContentServiceApplication;
import io.nova.contracts.Topics;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.messaging.MessagingServiceApplication;
import io.nova.messaging.MessagingServiceConfiguration;
import io.nova.testing.ApiClient;
import io.nova.testing.PeerServices;
import io.nova.testing.People;
import io.nova.testing.RunningService;
import io.nova.user.UserServiceApplication;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the notifications tests: the real user-, media-, content- and messaging-service in this JVM, each on
 * its own database, started once per test class. Events reach messaging-service the real way — the producers'
 * outboxes, Kafka, the kernel's consumer runner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
public abstract class NotificationsStack {

    /** How long a notification may take to be made from an event (outbox relay, Kafka, the consumer). */
    protected static final Duration EVENTUAL = Duration.ofSeconds(30);

    protected TestPlatform platform;
    protected PeerServices peers;
    protected RunningService<?> content;
    protected RunningService<MessagingServiceConfiguration> messaging;
    protected ApiClient http;
    protected ApiClient contentHttp;
    protected People people;
    protected String keyPrefix;

    @BeforeAll
    final void startStack(TestPlatform platform) {
        this.platform = platform;
        peers = PeerServices.start(platform, MediaServiceApplication.class, UserServiceApplication.class);
        try {
            List<ConfigOverride> contentOverrides = peers.callerOverrides("content");
            content = RunningService.start(ContentServiceApplication.class,
                    platform.forAnotherService("content-service"), contentOverrides.toArray(ConfigOverride[]::new));
            keyPrefix = platform.redisKeyPrefix() + "rt:";
            String consumer = "notifications-" + platform.database();
            // The topics are shared by every test class of the JVM: this class's consumer starts at their ends.
            startAtTheEnd(platform.kafkaBootstrapServers(), "messaging-service." + consumer,
                    List.of(Topics.USER_EVENTS, Topics.CONTENT_EVENTS, Topics.MESSAGING_EVENTS));
            List<ConfigOverride> overrides = peers.callerOverrides("conversations");
            overrides.add(ConfigOverride.config("notifications.consumer", consumer));
            overrides.add(ConfigOverride.config("realtime.keyPrefix", keyPrefix));
            overrides.add(ConfigOverride.config("realtime.fanOutConsumer", "fanout-" + platform.database()));
            overrides.add(ConfigOverride.config("realtime.heartbeatInterval", "1s"));
            messaging = RunningService.start(MessagingServiceApplication.class, platform,
                    overrides.toArray(ConfigOverride[]::new));
        } catch (RuntimeException e) {
            stopStack();
            throw e;
        }
        http = new ApiClient(messaging);
        contentHttp = new ApiClient(content);
        people = peers.people();
    }

    @AfterAll
    final void stopStack() {
        try {
            if (messaging != null) {
                messaging.close();
                messaging = null;
            }
            if (content != null) {
                content.close();
                content = null;
            }
        } finally {
            if (peers != null) {
                peers.close();
                peers = null;
            }
        }
    }

    /** Commits the consumer group's offsets at the topics' current ends (creating the topics if need be). */
    private static void startAtTheEnd(String brokers, String group, List<String> topics) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> found = List.of();
                for (int attempt = 0; attempt < 50 && found.isEmpty(); attempt++) {
                    found = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                }
                found.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            partitions.forEach(partition -> ends.put(partition, new OffsetAndMetadata(kafka.position(partition))));
            kafka.commitSync(ends);
        }
    }

    // --- sources, through the producers' real APIs ---

    protected String post(People.Person author, String text) {
        HttpResponse<String> response = contentHttp.send("POST", "/api/v1/posts", author.token(),
                ApiClient.body("text", text, "visibility", "public"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asText();
    }

    protected void like(People.Person who, String post) {
        HttpResponse<String> response = contentHttp.send("PUT", "/api/v1/posts/" + post + "/like", who.token(),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    protected void unlike(People.Person who, String post) {
        HttpResponse<String> response = contentHttp.send("DELETE", "/api/v1/posts/" + post + "/like", who.token(),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    protected String comment(People.Person who, String post, String text) {
        HttpResponse<String> response = contentHttp.send("POST", "/api/v1/posts/" + post + "/comments",
                who.token(), ApiClient.body("text", text));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asText();
    }

    protected String conversation(People.Person creator, String name, People.Person... others) {
        List<String> ids = java.util.Arrays.stream(others).map(People.Person::id).toList();
        HttpResponse<String> response = http.send("POST", "/api/v1/conversations", creator.token(),
                name == null ? ApiClient.body("member_ids", ids) : ApiClient.body("member_ids", ids, "name", name));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return ApiClient.json(response).path("id").asText();
    }

    protected String say(People.Person sender, String conversation, String text) {
        HttpResponse<String> response = http.send("POST", "/api/v1/conversations/" + conversation + "/messages",
                sender.token(), ApiClient.body("text", text));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asText();
    }

    // --- reading notifications ---

    /** All of the caller's notifications, every page walked. */
    protected List<JsonNode> notifications(People.Person owner) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = http.get("/api/v1/notifications?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), owner.token());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = ApiClient.json(response);
            page.path("items").forEach(items::add);
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** Waits until the owner's notifications satisfy {@code done}, and returns them. */
    protected List<JsonNode> awaitNotifications(People.Person owner, Predicate<List<JsonNode>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        List<JsonNode> now = notifications(owner);
        while (!done.test(now)) {
            assertThat(System.nanoTime() < deadline).as("notifications of " + owner.username() + " in time: "
                    + now).isTrue();
            Thread.sleep(100);
            now = notifications(owner);
        }
        return now;
    }

    /** The owner's entries of {@code type} whose target has {@code field} = {@code value}. */
    protected static List<JsonNode> of(List<JsonNode> items, String type, String field, String value) {
        return items.stream().filter(item -> item.path("type").asText().equals(type))
                .filter(item -> field == null || item.path("target").path(field).asText().equals(value))
                .toList();
    }

    /**
     * Lets the content events already raised run through: a fresh person comments on the owner's post last (one
     * partition, handled in order), so once that comment's notification is there, every earlier one was handled.
     */
    protected void settleContent(People.Person owner, String ownersPost) throws InterruptedException {
        String marker = comment(people.register(), ownersPost, "marker");
        awaitNotifications(owner, items -> !of(items, "comment", "comment_id", marker).isEmpty());
    }

    /** The same for the user events: a fresh person follows the owner last. */
    protected void settleUserEvents(People.Person owner) throws InterruptedException {
        People.Person marker = people.register();
        people.follow(marker, owner);
        awaitNotifications(owner, items -> items.stream().anyMatch(item ->
                item.path("type").asText().equals("follow")
                        && item.path("actor_ids").toString().contains(marker.id())));
    }
}
