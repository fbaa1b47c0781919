package io.nova.bench.load;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Realtime delivery: {@code nova.sockets} sockets on {@code /ws} (seeded users paired in direct conversations; a
 * user past the population's size opens a second device), each sending a message through the REST API at a fixed
 * pace so that together they send {@code nova.messageRate} messages a second. The measure, group
 * "send to receive": from the send request's start until the message's {@code message.created} frame is on the
 * sender's own socket — the same path every member's socket is fed by (outbox, Kafka, fan-out into the replay
 * log, push), read every 2 ms. A message not seen within 10 s fails its group: lost, as far as the user knows.
 */
public class RealtimeSimulation extends Simulation {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final int sockets = Integer.getInteger("nova.sockets", 1000);
    private final double messageRate = Double.parseDouble(System.getProperty("nova.messageRate", "100"));
    private final int seconds = Integer.getInteger("nova.realtimeSeconds", 60);
    private final Population population = Populations.signedIn(settings);
    private volatile long startNanos;

    private final HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl().toString())
            .wsBaseUrl(settings.baseUrl().toString().replaceFirst("^http", "ws"))
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            // Frames no check waited for are kept for processUnmatchedMessages: this is how a socket's user finds
            // its own message among everything else that arrives.
            .wsUnmatchedInboundMessageBufferSize(256)
            .shareConnections();

    private final ScenarioBuilder realtime = scenario("realtime delivery")
            .feed(listFeeder(devices()).queue())
            .exec(ws("open socket").connect("/ws").header("Authorization", "Bearer #{token}")
                    .await(10).on(ws.checkTextMessage("hello")
                            .check(jsonPath("$.data.last_event_id").saveAs("last_event_id"))))
            .exec(ws("resume").sendText("{\"type\":\"resume\",\"after_event_id\":\"#{last_event_id}\"}")
                    .await(10).on(ws.checkTextMessage("resumed").matching(jsonPath("$.type").is("resumed"))))
            .exec(during(Duration.ofSeconds(seconds)).on(pace(pacing())
                    .exec(ws("ping").sendText("{\"type\":\"ping\"}"))
                    .exec(session -> session.set("nonce", UUID.randomUUID().toString()).set("seen", false)
                            .set("phase", phase()))
                    .exec(group("#{phase}").on(
                            http("send message").post("/api/v1/conversations/#{conversation}/messages")
                                    .header("Authorization", "Bearer #{token}")
                                    .body(StringBody("{\"text\":\"bench #{nonce}\"}"))
                                    .check(status().is(201)),
                            asLongAsDuring(session -> !session.getBoolean("seen"), DELIVERY_TIMEOUT).on(
                                    pause(Duration.ofMillis(2)),
                                    ws.processUnmatchedMessages(RealtimeSimulation::lookForOwnMessage)),
                            doIf(session -> !session.getBoolean("seen")).then(
                                    // Not delivered within the timeout: the group is KO, counted as lost.
                                    exec(session -> session.markAsFailed()))))))
            .exec(ws("close").close());

    {
        if (sockets / messageRate > 20) {
            throw new IllegalArgumentException("each socket sends every " + sockets / messageRate + " s; the server "
                    + "closes a socket silent for 50 s and pings ride on the sends: raise nova.messageRate to at least "
                    + sockets / 20.0);
        }
        setUp(realtime.injectOpen(rampUsers(sockets).during(Duration.ofSeconds(Math.max(1, sockets / 50)))))
                .protocols(protocol);
    }

    @Override
    public void before() {
        startNanos = System.nanoTime();
    }

    private Duration pacing() {
        return Duration.ofMillis(Math.round(sockets / messageRate * 1000));
    }

    /** The first {@code nova.warmupSeconds} after the sockets opened are warm-up, reported apart. */
    private String phase() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return elapsed < Math.max(1, sockets / 50) + settings.warmupSeconds() ? "warm-up send to receive"
                : "send to receive";
    }

    private static Session lookForOwnMessage(List<WsInboundMessage> frames, Session session) {
        String nonce = session.getString("nonce");
        for (WsInboundMessage frame : frames) {
            if (frame instanceof WsInboundMessage.Text text && text.message().contains(nonce)
                    && text.message().contains("\"message.created\"")) {
                return session.set("seen", true);
            }
        }
        return session;
    }

    /** One record per socket: its user's token and the direct conversation with the paired user. */
    private List<Map<String, Object>> devices() {
        NovaClient client = new NovaClient(settings.baseUrl());
        List<Population.Member> users = population.users;
        List<Map<String, Object>> devices = new ArrayList<>();
        Map<Integer, String> conversationOf = new HashMap<>();
        for (int socket = 0; socket < sockets; socket++) {
            int user = socket % users.size();
            int pairStart = user - user % 2;
            int partner = user % 2 == 0 ? (user + 1) % users.size() : pairStart;
            String conversation = conversationOf.computeIfAbsent(pairStart, p -> client.post(
                    "/api/v1/conversations", users.get(user).accessToken,
                    Map.of("member_ids", List.of(users.get(partner).id))).path("id").asText());
            devices.add(Map.of("token", users.get(user).accessToken, "conversation", conversation));
        }
        return devices;
    }
}
