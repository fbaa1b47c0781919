package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls API by REST: who may do what, wrong states, limits, history, ICE servers and the start limit. */
class CallsApiTest extends RunningCallStack {

    private static final String TURN_SECRET = "calls-api-test-secret";
    private static final int STARTS_PER_MINUTE = 6;

    @Override
    protected Map<String, String> callSettings() {
        return Map.of("stunUrls", "stun:stun.example.org:3478",
                "turnUrls", "turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349",
                "turnSecret", TURN_SECRET, "turnCredentialTtl", "2h",
                "startsPerMinute", Integer.toString(STARTS_PER_MINUTE));
    }

    @Test
    void anyoneButAMemberGets404OnEveryCallRoute() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person eve = people.register();
        String direct = start(ann, null, bob);
        String id = call(ann, direct).path("id").asText();

        assertError(startCall(eve, direct, "audio", OFFER), 404, "not_found");
        for (String call : List.of(id, UUID.randomUUID().toString(), "not-an-id")) {
            assertError(http.get("/api/v1/calls/" + call, eve.token()), 404, "not_found");
            assertError(answer(eve, call, ANSWER), 404, "not_found");
            assertError(act(eve, call, "reject"), 404, "not_found");
            assertError(act(eve, call, "end"), 404, "not_found");
            assertError(candidates(eve, call, List.of(candidate(1))), 404, "not_found");
        }
        assertThat(ok(http.get("/api/v1/calls", eve.token())).path("items")).isEmpty();
        assertError(http.get("/api/v1/calls/" + id, null), 401, "unauthorized");
        // Still ringing, untouched by all of that.
        assertThat(ok(http.get("/api/v1/calls/" + id, bob.token())).path("state").asText()).isEqualTo("ringing");
    }

    @Test
    void eachPartyMayOnlyDoWhatItsStateAllows() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String id = call(ann, direct).path("id").asText();

        assertError(answer(ann, id, ANSWER), 403, "not_a_callee");
        assertError(act(ann, id, "reject"), 403, "not_a_callee");
        assertError(candidates(bob, id, List.of(candidate(1))), 409, "call_not_answered");
        HttpResponse<String> again = startCall(ann, direct, "audio", OFFER);
        assertError(again, 409, "call_in_progress");
        assertThat(ApiClient.json(again).path("details").path("call_id").asText()).isEqualTo(id);

        JsonNode rejected = ok(act(bob, id, "reject"));
        assertThat(rejected.path("outcome").asText()).isEqualTo("rejected");
        assertThat(rejected.path("ended_by").asText()).isEqualTo(bob.id());
        assertError(answer(bob, id, ANSWER), 409, "call_ended");
        assertError(act(ann, id, "end"), 409, "call_ended");
        assertError(candidates(ann, id, List.of()), 409, "call_ended");

        String cancelled = call(ann, direct).path("id").asText();
        assertThat(ok(act(ann, cancelled, "end")).path("outcome").asText()).isEqualTo("cancelled");

        People.Person blocked = people.register();
        String withBlocked = start(ann, null, blocked);
        people.block(blocked, ann);
        assertError(startCall(ann, withBlocked, "audio", OFFER), 403, "forbidden");

        People.Person gone = people.register();
        String alone = start(ann, "soon just me", gone);
        assertThat(http.send("DELETE", "/api/v1/conversations/" + alone + "/members/" + gone.id(), gone.token(),
                null).statusCode()).isEqualTo(204);
        assertError(startCall(ann, alone, "audio", OFFER), 422, "nobody_to_call");
    }

    @Test
    void badBodiesAreRefusedWithClearErrors() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);

        HttpResponse<String> huge = startCall(ann, direct, "audio", "v=0\r\n" + "a=x\r\n".repeat(14_000));
        assertError(huge, 413, "sdp_too_large");
        assertThat(ApiClient.json(huge).path("details").path("limit_bytes").asInt()).isEqualTo(65_536);
        assertError(startCall(ann, direct, "audio", "hello"), 400, "validation_failed");
        assertError(startCall(ann, direct, "hologram", OFFER), 400, "validation_failed");
        assertError(startCall(ann, "nope", "audio", OFFER), 400, "invalid_id");
        assertError(http.send("POST", "/api/v1/calls", ann.token(), "null"), 400, "malformed_json");
        assertError(http.send("POST", "/api/v1/calls", ann.token(),
                ApiClient.body("conversation_id", direct, "kind", "audio", "sdp", OFFER, "x", 1)), 400,
                "unknown_field");

        String id = call(ann, direct).path("id").asText();
        assertError(answer(bob, id, "v=0\r\n" + "a=x\r\n".repeat(14_000)), 413, "sdp_too_large");
        assertError(http.send("POST", "/api/v1/calls/" + id + "/answer", bob.token(), "{}"), 400,
                "validation_failed");
        ok(answer(bob, id, ANSWER));

        assertThat(candidates(ann, id, Collections.nCopies(50, candidate(1))).statusCode()).isEqualTo(204);
        HttpResponse<String> tooMany = candidates(ann, id, Collections.nCopies(51, candidate(1)));
        assertError(tooMany, 400, "validation_failed");
        assertThat(ApiClient.json(tooMany).path("details").path("fields").has("candidates")).isTrue();
        HttpResponse<String> tooLong = candidates(ann, id,
                List.of(candidate(1), Map.of("candidate", "x".repeat(1100))));
        assertError(tooLong, 400, "validation_failed");
        assertThat(ApiClient.json(tooLong).path("details").path("fields").has("candidates[1]")).isTrue();
        assertError(candidates(ann, id, List.of("candidate:1")), 400, "validation_failed");
        assertError(http.send("POST", "/api/v1/calls/" + id + "/candidates", ann.token(), "{}"), 400,
                "validation_failed");
        ok(act(bob, id, "end"));
    }

    @Test
    void historyListsMyCallsNewestFirstInPages() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String direct = start(ann, null, bob);
        String other = start(cid, null, ann);

        String first = call(ann, direct).path("id").asText();
        ok(act(ann, first, "end"));
        String second = call(bob, direct).path("id").asText();
        ok(act(ann, second, "reject"));
        String third = call(cid, other).path("id").asText();
        ok(answer(ann, third, ANSWER));
        ok(act(cid, third, "end"));

        HttpResponse<String> page = http.get("/api/v1/calls?limit=2", ann.token());
        JsonNode body = ok(page);
        assertThat(body.path("items")).extracting(item -> item.path("id").asText()).containsExactly(third, second);
        assertThat(body.path("items").get(0).path("outcome").asText()).isEqualTo("answered");
        assertThat(body.path("items").get(0).path("duration_seconds").isNumber()).isTrue();
        assertThat(body.path("items").get(1).path("outcome").asText()).isEqualTo("rejected");
        assertThat(page.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("rel=\"next\""));
        String cursor = body.path("next_cursor").asText();
        JsonNode rest = ok(http.get("/api/v1/calls?limit=2&cursor=" + cursor, ann.token()));
        assertThat(rest.path("items")).extracting(item -> item.path("id").asText()).containsExactly(first);
        assertThat(rest.path("items").get(0).path("outcome").asText()).isEqualTo("cancelled");
        assertThat(rest.path("next_cursor").isNull()).isTrue();

        // Bob sees the calls of his conversation only; a stray cursor is a 400.
        assertThat(ok(http.get("/api/v1/calls", bob.token())).path("items"))
                .extracting(item -> item.path("id").asText()).containsExactly(second, first);
        assertError(http.get("/api/v1/calls?cursor=garbage", ann.token()), 400, "invalid_cursor");
    }

    @Test
    void iceServersCarryTurnCredentialsACoturnWithTheSecretAccepts() throws Exception {
        People.Person ann = people.register();
        long before = Instant.now().getEpochSecond();
        JsonNode servers = ok(http.get("/api/v1/calls/ice-servers", ann.token()));
        long after = Instant.now().getEpochSecond();

        assertThat(servers.path("ttl").asLong()).isEqualTo(7200);
        JsonNode stun = servers.path("ice_servers").get(0);
        assertThat(stun.path("urls")).extracting(JsonNode::asText).containsExactly("stun:stun.example.org:3478");
        assertThat(stun.has("username")).isFalse();
        JsonNode turn = servers.path("ice_servers").get(1);
        assertThat(turn.path("urls")).extracting(JsonNode::asText)
                .containsExactly("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349");
        String username = turn.path("username").asText();
        String[] parts = username.split(":");
        assertThat(parts[1]).isEqualTo(ann.id());
        assertThat(Long.parseLong(parts[0])).isBetween(before + 7200, after + 7200);
        assertThat(Instant.parse(servers.path("expires_at").asText()).getEpochSecond())
                .isEqualTo(Long.parseLong(parts[0]));

        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        assertThat(turn.path("credential").asText()).isEqualTo(expected);
        assertError(http.get("/api/v1/calls/ice-servers", null), 401, "unauthorized");
    }

    @Test
    void startsPerMinuteAreLimitedPerUser() throws Exception {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        // The window is a fixed minute: start early in one, so that every attempt below falls into it.
        long intoWindow = System.currentTimeMillis() % 60_000;
        if (intoWindow > 45_000) {
            Thread.sleep(60_000 - intoWindow + 100);
        }
        List<HttpResponse<String>> attempts = new ArrayList<>();
        for (int i = 0; i < STARTS_PER_MINUTE; i++) {
            HttpResponse<String> started = startCall(ann, direct, "audio", OFFER);
            attempts.add(started);
            if (started.statusCode() == 201) {
                ok(act(ann, ApiClient.json(started).path("id").asText(), "end"));
            }
        }
        assertThat(attempts).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        assertThat(attempts.get(0).headers().firstValue("X-RateLimit-Limit"))
                .hasValue(Integer.toString(STARTS_PER_MINUTE));
        HttpResponse<String> limited = startCall(ann, direct, "audio", OFFER);
        assertError(limited, 429, "rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        // Someone else is not limited by ann's calls.
        assertThat(startCall(bob, direct, "audio", OFFER).statusCode()).isEqualTo(201);
    }
}
