package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.kernel.api.ApiJson;
import io.nova.kernel.events.Outbox;
import io.nova.messaging.core.Announcer;
import io.nova.messaging.core.CallNews;
import io.nova.messaging.core.MissedCalls;
import io.nova.messaging.db.CallStore;
import io.nova.messaging.db.MemberStore;
import io.nova.messaging.realtime.SocketClient;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Unanswered calls end as missed after the (here short) ring timeout, by the database-driven sweep. */
class CallRingTimeoutTest extends RunningCallStack {

    private static final Duration RING = Duration.ofSeconds(2);

    @Override
    protected Map<String, String> callSettings() {
        return Map.of("ringTimeout", RING.toMillis() + "ms", "sweepInterval", "100ms", "startsPerMinute", "100");
    }

    @Test
    void anUnansweredCallIsMissedAndBothSocketsAreTold() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        SocketClient annSocket = socket(ann);
        SocketClient bobSocket = socket(bob);

        JsonNode call = call(ann, direct);
        String id = call.path("id").asText();
        assertThat(Duration.between(Instant.parse(call.path("started_at").asText()),
                Instant.parse(call.path("ring_deadline").asText()))).isEqualTo(RING);
        frame(bobSocket, "call.ringing", id);
        for (SocketClient socket : List.of(annSocket, bobSocket)) {
            JsonNode ended = frame(socket, "call.ended", id).path("call");
            assertThat(ended.path("end_reason").asText()).isEqualTo("missed");
            assertThat(ended.path("outcome").asText()).isEqualTo("missed");
            assertThat(ended.path("ended_by").isNull()).isTrue();
        }
        JsonNode missed = ok(http.get("/api/v1/calls/" + id, bob.token()));
        assertThat(missed.path("state").asText()).isEqualTo("ended");
        assertThat(Instant.parse(missed.path("ended_at").asText()))
                .isAfterOrEqualTo(Instant.parse(missed.path("ring_deadline").asText()));
        assertThat(missed.path("duration_seconds").isNull()).isTrue();
        assertError(answer(bob, id, ANSWER), 409, "call_ended");

        // What the notifications feature reads: one call.ended, to both, naming caller, callees and conversation.
        List<Event> ends = events(direct, "call.ended");
        assertThat(ends).hasSize(1);
        assertThat(ends.get(0).recipients()).containsExactlyInAnyOrder(ann.id(), bob.id());
        JsonNode data = ends.get(0).data().path("call");
        assertThat(data.path("caller_id").asText()).isEqualTo(ann.id());
        assertThat(data.path("callee_ids")).extracting(JsonNode::asText).containsExactly(bob.id());
        assertThat(data.path("conversation_id").asText()).isEqualTo(direct);
        assertThat(data.path("outcome").asText()).isEqualTo("missed");

        JsonNode history = ok(http.get("/api/v1/calls", bob.token()));
        assertThat(history.path("items").get(0).path("id").asText()).isEqualTo(id);
        assertThat(history.path("items").get(0).path("outcome").asText()).isEqualTo("missed");
        // The conversation is free again.
        assertThat(call(bob, direct).path("state").asText()).isEqualTo("ringing");
    }

    @Test
    void aCallLeftRingingPastItsDeadlineIsEndedByTheNextSweepAndALateAnswerIsRefused() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        // A call whose deadline passed while no replica ran (written as a crashed replica would have left it):
        // the first sweep after ends it.
        String id = call(ann, direct).path("id").asText();
        setDeadline(id, "clock_timestamp() - interval '1 hour'");
        JsonNode ended = awaitEnded(bob, id);
        assertThat(ended.path("end_reason").asText()).isEqualTo("missed");

        // An answer racing the sweep: whoever comes first ends it as missed, and the answer is refused.
        String next = call(ann, direct).path("id").asText();
        setDeadline(next, "clock_timestamp()");
        assertError(answer(bob, next, ANSWER), 409, "call_ended");
        assertThat(awaitEnded(bob, next).path("end_reason").asText()).isEqualTo("missed");

        // A start racing the sweep for a call that rang out: the old call is missed either way, the new one rings.
        String old = call(ann, direct).path("id").asText();
        setDeadline(old, "clock_timestamp() - interval '1 second'");
        assertThat(call(bob, direct).path("state").asText()).isEqualTo("ringing");
        assertThat(ok(http.get("/api/v1/calls/" + old, ann.token())).path("end_reason").asText())
                .isEqualTo("missed");
        assertThat(events(direct, "call.ended")).hasSize(3);
    }

    @Test
    void sweepsOfSeveralReplicasAtOnceEndEachCallExactlyOnce() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        List<String> conversations = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String group = start(ann, "sweep " + i, bob);
            conversations.add(group);
            String id = call(ann, group).path("id").asText();
            setDeadline(id, "clock_timestamp() + interval '1 hour'");
            calls.add(id);
        }
        // Four more "replicas" sweeping the same database beside the service's own sweep.
        Jdbi jdbi = Jdbi.create(platform.jdbcUrl(), platform.dbUser(), platform.dbPassword());
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        MissedCalls sweep = new MissedCalls(jdbi, new CallStore(),
                new CallNews(new Announcer(new Outbox(ApiJson.configure(new ObjectMapper())), new MemberStore())));
        for (String id : calls) {
            setDeadline(id, "clock_timestamp()");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(pool.submit(sweep::sweep));
            }
            for (Future<Integer> round : rounds) {
                round.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < calls.size(); i++) {
            assertThat(awaitEnded(bob, calls.get(i)).path("end_reason").asText()).isEqualTo("missed");
            assertThat(events(conversations.get(i), "call.ended")).as("call.ended of call " + i).hasSize(1);
        }
    }

    private JsonNode awaitEnded(People.Person viewer, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode call = ApiClient.json(http.get("/api/v1/calls/" + id, viewer.token()));
            if (call.path("state").asText().equals("ended")) {
                return call;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("call " + id + " did not end");
    }

    private void setDeadline(String call, String sql) throws SQLException {
        try (Connection connection = platform.connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE calls SET ring_deadline = " + sql + " WHERE id = ?")) {
            update.setObject(1, UUID.fromString(call));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
