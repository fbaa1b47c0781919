package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.messaging.realtime.SocketClient;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls over real sockets: the whole signaling flow, glare, and group calls. */
class CallSignalingTest extends RunningCallStack {

    @Test
    void offerRingingAnswerCandidatesBothWaysAndEnd() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        SocketClient annSocket = socket(ann);
        SocketClient bobSocket = socket(bob);

        JsonNode call = call(ann, direct);
        String id = call.path("id").asText();
        assertThat(call.path("state").asText()).isEqualTo("ringing");
        assertThat(call.path("caller_id").asText()).isEqualTo(ann.id());
        assertThat(call.path("callee_ids")).extracting(JsonNode::asText).containsExactly(bob.id());

        JsonNode ringing = frame(bobSocket, "call.ringing", id);
        assertThat(ringing.path("sdp").asText()).isEqualTo(OFFER);
        assertThat(ringing.path("call").path("conversation_id").asText()).isEqualTo(direct);
        assertThat(frame(annSocket, "call.started", id).path("sdp").isNull()).isTrue();

        assertThat(candidates(ann, id, List.of(candidate(5000), candidate(5001))).statusCode()).isEqualTo(204);
        JsonNode fromAnn = frame(bobSocket, "call.candidates", id);
        assertThat(fromAnn.path("from_user_id").asText()).isEqualTo(ann.id());
        assertThat(fromAnn.path("candidates")).hasSize(2);
        assertThat(fromAnn.path("candidates").get(0).path("sdpMLineIndex").asInt()).isZero();
        assertThat(fromAnn.path("candidates").get(1).path("candidate").asText()).contains("5001");

        JsonNode answered = ok(answer(bob, id, ANSWER));
        assertThat(answered.path("state").asText()).isEqualTo("answered");
        assertThat(answered.path("answered_by").asText()).isEqualTo(bob.id());
        assertThat(frame(annSocket, "call.answered", id).path("sdp").asText()).isEqualTo(ANSWER);
        assertThat(frame(bobSocket, "call.answered", id).path("sdp").isNull()).isTrue();

        assertThat(candidates(bob, id, List.of(candidate(6000))).statusCode()).isEqualTo(204);
        assertThat(frame(annSocket, "call.candidates", id).path("from_user_id").asText()).isEqualTo(bob.id());
        // An empty batch: the end of ann's candidates.
        assertThat(candidates(ann, id, List.of()).statusCode()).isEqualTo(204);
        assertThat(frame(bobSocket, "call.candidates", id).path("candidates")).isEmpty();

        JsonNode ended = ok(act(ann, id, "end"));
        assertThat(ended.path("state").asText()).isEqualTo("ended");
        assertThat(ended.path("end_reason").asText()).isEqualTo("hung_up");
        assertThat(ended.path("outcome").asText()).isEqualTo("answered");
        assertThat(ended.path("duration_seconds").asLong()).isGreaterThanOrEqualTo(0);
        for (SocketClient socket : List.of(annSocket, bobSocket)) {
            JsonNode frame = frame(socket, "call.ended", id);
            assertThat(frame.path("call").path("end_reason").asText()).isEqualTo("hung_up");
            assertThat(frame.path("call").path("ended_by").asText()).isEqualTo(ann.id());
        }
        // Ann's own candidates never came back to her.
        assertThat(annSocket.skipped).noneMatch(frame -> frame.path("type").asText().equals("call.candidates")
                && frame.path("data").path("from_user_id").asText().equals(ann.id()));
        assertError(answer(bob, id, ANSWER), 409, "call_ended");
    }

    @Test
    void concurrentStartsFromBothSidesMakeOneCallWhichTheLoserAnswers() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<HttpResponse<String>>> starts = new ArrayList<>();
                for (People.Person caller : List.of(ann, bob)) {
                    starts.add(CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return startCall(caller, direct, "video", OFFER);
                    }, pool));
                }
                List<HttpResponse<String>> answers = starts.stream().map(CompletableFuture::join).toList();
                List<HttpResponse<String>> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
                List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 409).toList();
                assertThat(created).as(answers.toString()).hasSize(1);
                assertThat(refused).as(answers.toString()).hasSize(1);
                JsonNode call = ApiClient.json(created.get(0));
                JsonNode conflict = ApiClient.json(refused.get(0));
                assertThat(conflict.path("error").asText()).isEqualTo("call_in_progress");
                assertThat(conflict.path("details").path("call_id").asText()).isEqualTo(call.path("id").asText());
                assertThat(conflict.path("details").path("state").asText()).isEqualTo("ringing");
                assertThat(conflict.path("details").path("caller_id").asText())
                        .isEqualTo(call.path("caller_id").asText());

                // The glare rule: the one whose start was refused answers the live call.
                People.Person loser = call.path("caller_id").asText().equals(ann.id()) ? bob : ann;
                String id = call.path("id").asText();
                assertThat(ok(answer(loser, id, ANSWER)).path("state").asText()).isEqualTo("answered");
                assertThat(liveCalls(direct)).isEqualTo(1);
                ok(act(loser, id, "end"));
                assertThat(liveCalls(direct)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyMemberStartingAtOnceMakesOneCall() throws Exception {
        People.Person ann = people.register();
        List<People.Person> others = List.of(people.register(), people.register(), people.register());
        String group = start(ann, "all at once", others.toArray(People.Person[]::new));
        List<People.Person> everyone = new ArrayList<>(others);
        everyone.add(ann);
        ExecutorService pool = Executors.newFixedThreadPool(everyone.size());
        try {
            CyclicBarrier together = new CyclicBarrier(everyone.size());
            List<CompletableFuture<HttpResponse<String>>> starts = everyone.stream()
                    .map(caller -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return startCall(caller, group, "audio", OFFER);
                    }, pool)).toList();
            List<HttpResponse<String>> answers = starts.stream().map(CompletableFuture::join).toList();
            List<String> created = answers.stream().filter(r -> r.statusCode() == 201)
                    .map(r -> ApiClient.json(r).path("id").asText()).toList();
            assertThat(created).as(answers.toString()).hasSize(1);
            assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(everyone.size() - 1)
                    .allSatisfy(r -> assertThat(ApiClient.json(r).path("details").path("call_id").asText())
                            .isEqualTo(created.get(0)));
            assertThat(liveCalls(group)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGroupCallRingsEveryoneAndTheFirstAnswerConnects() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String group = start(ann, "three", bob, cid);
        SocketClient annSocket = socket(ann);
        SocketClient bobSocket = socket(bob);
        SocketClient cidSocket = socket(cid);

        String id = call(ann, group).path("id").asText();
        assertThat(frame(bobSocket, "call.ringing", id).path("sdp").asText()).isEqualTo(OFFER);
        assertThat(frame(cidSocket, "call.ringing", id).path("sdp").asText()).isEqualTo(OFFER);
        assertThat(ok(http.get("/api/v1/calls/" + id, bob.token())).path("offer_sdp").asText()).isEqualTo(OFFER);

        ok(answer(cid, id, ANSWER));
        JsonNode elsewhere = frame(bobSocket, "call.answered", id);
        assertThat(elsewhere.path("call").path("answered_by").asText()).isEqualTo(cid.id());
        assertThat(elsewhere.path("sdp").isNull()).isTrue();
        assertThat(frame(annSocket, "call.answered", id).path("sdp").asText()).isEqualTo(ANSWER);
        assertError(answer(bob, id, ANSWER), 409, "call_already_answered");
        assertError(act(bob, id, "end"), 403, "not_in_call");
        assertError(candidates(bob, id, List.of(candidate(7000))), 403, "not_in_call");

        assertThat(candidates(ann, id, List.of(candidate(7001))).statusCode()).isEqualTo(204);
        assertThat(frame(cidSocket, "call.candidates", id).path("from_user_id").asText()).isEqualTo(ann.id());
        ok(act(cid, id, "end"));
        for (SocketClient socket : List.of(annSocket, bobSocket, cidSocket)) {
            assertThat(frame(socket, "call.ended", id).path("call").path("outcome").asText()).isEqualTo("answered");
        }
        // Bob was never sent the candidates meant for the one who answered.
        assertThat(bobSocket.skipped).noneMatch(frame -> frame.path("type").asText().equals("call.candidates"));
    }

    @Test
    void aGroupCallEndsRejectedOnlyWhenEveryCalleeRejected() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String group = start(ann, "no thanks", bob, cid);
        SocketClient annSocket = socket(ann);

        String id = call(ann, group).path("id").asText();
        assertThat(ok(act(bob, id, "reject")).path("state").asText()).isEqualTo("ringing");
        assertThat(ok(act(bob, id, "reject")).path("state").asText()).isEqualTo("ringing");
        assertError(answer(bob, id, ANSWER), 409, "call_declined");
        JsonNode ended = ok(act(cid, id, "reject"));
        assertThat(ended.path("state").asText()).isEqualTo("ended");
        assertThat(ended.path("outcome").asText()).isEqualTo("rejected");
        assertThat(frame(annSocket, "call.ended", id).path("call").path("end_reason").asText())
                .isEqualTo("rejected");
    }

    private long liveCalls(String conversation) throws SQLException {
        try (Connection connection = platform.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM calls WHERE conversation_id = ? AND state <> 'ended'")) {
            query.setObject(1, UUID.fromString(conversation));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
