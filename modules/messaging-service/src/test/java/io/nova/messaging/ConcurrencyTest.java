package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import io.nova.testing.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once, through two replicas of messaging-service on one database (as in production): seqs stay
 * contiguous, a pair gets one direct conversation, unread counts stay exact.
 */
class ConcurrencyTest extends RunningMessagingStack {

    private RunningService<MessagingServiceConfiguration> second;
    private List<ApiClient> replicas;
    private ExecutorService pool;

    @BeforeAll
    void startSecondReplica() {
        second = RunningService.start(MessagingServiceApplication.class, platform,
                peers.callerOverrides("conversations").toArray(ConfigOverride[]::new));
        replicas = List.of(http, new ApiClient(second));
        pool = Executors.newFixedThreadPool(40);
    }

    @AfterAll
    void stopSecondReplica() {
        pool.shutdownNow();
        if (second != null) {
            second.close();
        }
    }

    /** Runs every task at once (released together) and returns their results in order. */
    private <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> running = new ArrayList<>();
        for (Callable<T> task : tasks) {
            running.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> result : running) {
            results.add(result.get());
        }
        return results;
    }

    @Test
    void twentyConcurrentSendersGetContiguousSeqsOnBothReplicas() throws Exception {
        People.Person owner = people.register();
        List<People.Person> senders = new ArrayList<>(List.of(owner));
        for (int i = 1; i < 20; i++) {
            senders.add(people.register());
        }
        String group = start(owner, "busy", senders.subList(1, 20).toArray(People.Person[]::new));
        int each = 10;
        List<Callable<List<Long>>> tasks = new ArrayList<>();
        for (int s = 0; s < senders.size(); s++) {
            People.Person sender = senders.get(s);
            ApiClient replica = replicas.get(s % 2);
            tasks.add(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int m = 0; m < each; m++) {
                    HttpResponse<String> sent = replica.send("POST", "/api/v1/conversations/" + group + "/messages",
                            sender.token(), ApiClient.body("text", sender.username() + " " + m));
                    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
                    seqs.add(ApiClient.json(sent).path("seq").asLong());
                }
                return seqs;
            });
        }
        long began = System.nanoTime();
        List<List<Long>> sent = together(tasks);
        System.out.printf("%d messages from %d concurrent senders through 2 replicas in %d ms%n",
                senders.size() * each, senders.size(), (System.nanoTime() - began) / 1_000_000);
        List<Long> all = new ArrayList<>();
        for (List<Long> seqs : sent) {
            assertThat(seqs).isSorted();
            all.addAll(seqs);
        }
        int total = senders.size() * each;
        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());

        List<Long> stored = allMessages(owner, group).stream().map(item -> item.path("seq").asLong()).toList();
        assertThat(stored).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(events(group, "message.created")).extracting(event -> event.data().path("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(get(owner, "/api/v1/conversations/" + group).path("last_seq").asLong()).isEqualTo(total);
    }

    /**
     * Sends that are refused (an outsider, a blocked pair, a reply to another conversation's message) racing with
     * sends that are not: text messages are written many to a transaction, and a refused one must neither take a
     * seq nor fail the others of its batch.
     */
    @Test
    void refusedSendsAmongConcurrentOnesTakeNoSeqAndFailNoOther() throws Exception {
        People.Person owner = people.register();
        List<People.Person> members = new ArrayList<>(List.of(owner));
        for (int i = 1; i < 6; i++) {
            members.add(people.register());
        }
        String group = start(owner, "mixed", members.subList(1, 6).toArray(People.Person[]::new));
        People.Person outsider = people.register();
        People.Person blocker = people.register();
        String blockedDirect = start(owner, null, blocker);
        String elsewhere = start(owner, "elsewhere", members.get(1));
        String foreignMessage = ApiClient.json(replicas.get(0).send("POST", "/api/v1/conversations/" + elsewhere
                + "/messages", owner.token(), ApiClient.body("text", "there"))).path("id").asText();
        people.block(blocker, owner);

        int each = 8;
        List<Callable<List<Integer>>> tasks = new ArrayList<>();
        for (int s = 0; s < members.size() + 3; s++) {
            int task = s;
            ApiClient replica = replicas.get(s % 2);
            tasks.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int m = 0; m < each; m++) {
                    HttpResponse<String> sent;
                    if (task < members.size()) {
                        People.Person member = members.get(task);
                        sent = replica.send("POST", "/api/v1/conversations/" + group + "/messages", member.token(),
                                ApiClient.body("text", "m" + m));
                    } else if (task == members.size()) {
                        sent = replica.send("POST", "/api/v1/conversations/" + group + "/messages",
                                outsider.token(), ApiClient.body("text", "let me in"));
                    } else if (task == members.size() + 1) {
                        sent = replica.send("POST", "/api/v1/conversations/" + blockedDirect + "/messages",
                                owner.token(), ApiClient.body("text", "hello?"));
                    } else {
                        sent = replica.send("POST", "/api/v1/conversations/" + group + "/messages",
                                members.get(2).token(), ApiClient.body("text", "re", "reply_to", foreignMessage));
                    }
                    statuses.add(sent.statusCode());
                }
                return statuses;
            });
        }
        List<List<Integer>> statuses = together(tasks);

        for (int s = 0; s < members.size(); s++) {
            assertThat(statuses.get(s)).as("member " + s).containsOnly(201);
        }
        assertThat(statuses.get(members.size())).as("outsider").containsOnly(404);
        assertThat(statuses.get(members.size() + 1)).as("blocked").containsOnly(403);
        assertThat(statuses.get(members.size() + 2)).as("reply elsewhere").containsOnly(422);
        int total = members.size() * each;
        List<Long> stored = allMessages(owner, group).stream().map(item -> item.path("seq").asLong()).toList();
        assertThat(stored).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(events(group, "message.created")).hasSize(total);
        assertThat(get(owner, "/api/v1/conversations/" + blockedDirect).path("last_seq").asLong()).isZero();
    }

    @Test
    void racingCreatesOfADirectConversationMakeOneAndAgreeOnIt() throws Exception {
        for (int pair = 0; pair < 5; pair++) {
            People.Person ann = people.register();
            People.Person bob = people.register();
            List<Callable<HttpResponse<String>>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                People.Person from = i % 2 == 0 ? ann : bob;
                People.Person to = i % 2 == 0 ? bob : ann;
                ApiClient replica = replicas.get((i / 2) % 2);
                tasks.add(() -> replica.send("POST", "/api/v1/conversations", from.token(),
                        ApiClient.body("member_ids", List.of(to.id()))));
            }
            List<HttpResponse<String>> answers = together(tasks);
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
                created += answer.statusCode() == 201 ? 1 : 0;
                ids.add(ApiClient.json(answer).path("id").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
            assertThat(directConversations(ann.id(), bob.id())).isEqualTo(1);
            assertThat(events(ids.iterator().next(), "conversation.created")).hasSize(1);
        }
    }

    @Test
    void unreadCountsAreExactWhileMessagesAndReadsRace() throws Exception {
        People.Person reader = people.register();
        List<People.Person> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writers.add(people.register());
        }
        String group = start(reader, "race", writers.toArray(People.Person[]::new));
        List<Callable<List<JsonNode>>> tasks = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            People.Person writer = writers.get(w);
            ApiClient replica = replicas.get(w % 2);
            tasks.add(() -> {
                for (int m = 0; m < 25; m++) {
                    replica.send("POST", "/api/v1/conversations/" + group + "/messages", writer.token(),
                            ApiClient.body("text", "w" + m));
                }
                return List.of();
            });
        }
        for (int device = 0; device < 2; device++) {
            ApiClient replica = replicas.get(device);
            String me = reader.id();
            tasks.add(() -> {
                List<JsonNode> answers = new ArrayList<>();
                for (int r = 0; r < 25; r++) {
                    JsonNode seen = ApiClient.json(replica.get("/api/v1/conversations/" + group, reader.token()));
                    long upTo = seen.path("last_seq").asLong();
                    answers.add(ApiClient.json(replica.send("POST", "/api/v1/conversations/" + group + "/read",
                            reader.token(), ApiClient.body("up_to_seq", upTo))));
                    if (r % 5 == 0) {
                        replica.send("POST", "/api/v1/conversations/" + group + "/messages", reader.token(),
                                ApiClient.body("text", "mine " + me + r));
                    }
                }
                return answers;
            });
        }
        List<List<JsonNode>> results = together(tasks);

        Map<Long, String> senderBySeq = new HashMap<>();
        allMessages(reader, group).forEach(item -> senderBySeq.put(item.path("seq").asLong(),
                item.path("sender_id").asText()));
        assertThat(senderBySeq).hasSize(110);

        long highest = 0;
        for (List<JsonNode> device : results.subList(writers.size(), results.size())) {
            long previous = 0;
            for (JsonNode answer : device) {
                long position = answer.path("last_read_seq").asLong();
                assertThat(position).as("never backwards").isGreaterThanOrEqualTo(previous);
                previous = position;
                highest = Math.max(highest, position);
                // At the moment of the answer, at most the others' messages after the position existed.
                assertThat(answer.path("unread_count").asLong())
                        .isLessThanOrEqualTo(othersAfter(senderBySeq, reader.id(), position));
            }
        }
        JsonNode finalView = get(reader, "/api/v1/conversations/" + group);
        long position = finalView.path("members").get(0).path("last_read_seq").asLong();
        assertThat(position).isEqualTo(highest);
        assertThat(finalView.path("unread_count").asLong()).isEqualTo(othersAfter(senderBySeq, reader.id(), position));
        for (People.Person writer : writers) {
            JsonNode theirs = get(writer, "/api/v1/conversations/" + group);
            assertThat(theirs.path("unread_count").asLong()).isEqualTo(othersAfter(senderBySeq, writer.id(), 0));
        }
    }

    /** Every message of the conversation, oldest first, page by page. */
    private List<JsonNode> allMessages(People.Person member, String conversation) {
        List<JsonNode> all = new ArrayList<>();
        String next = "after_seq=0";
        while (next != null) {
            JsonNode page = get(member, "/api/v1/conversations/" + conversation + "/messages?limit=100&" + next);
            page.path("items").forEach(all::add);
            next = page.path("next_cursor").isNull() ? null : "cursor=" + page.path("next_cursor").asText();
        }
        return all;
    }

    private static long othersAfter(Map<Long, String> senderBySeq, String user, long position) {
        return senderBySeq.entrySet().stream()
                .filter(entry -> entry.getKey() > position && !entry.getValue().equals(user)).count();
    }

    private long directConversations(String one, String other) throws Exception {
        try (Connection connection = platform.connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT count(*) FROM conversations
                 WHERE kind = 'direct' AND direct_low = LEAST(?::uuid, ?::uuid)
                   AND direct_high = GREATEST(?::uuid, ?::uuid)""")) {
            query.setString(1, one);
            query.setString(2, other);
            query.setString(3, one);
            query.setString(4, other);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
