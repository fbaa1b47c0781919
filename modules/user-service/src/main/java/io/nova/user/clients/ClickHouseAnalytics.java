package io.nova.user.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nova.user.core.discovery.EngagementAnalytics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EngagementAnalytics} on ClickHouse's HTTP interface, with plain {@code java.net.http}: the Java clients
 * cannot talk to servers as old as Debian's 18.16, and the SQL here is what old and new servers both accept
 * (no DateTime64, no Map). Rows go in as {@code INSERT … FORMAT JSONEachRow}; queries come back as
 * {@code FORMAT JSON}.
 *
 * <p>The table, created when missing: a ReplacingMergeTree ordered by (day, post_id, event_id), so copies of one
 * event (a retried batch, a replay) collapse into one row; queries read it with {@code FINAL}, which counts each
 * event once even before the background merge has run.
 */
public final class ClickHouseAnalytics implements EngagementAnalytics {

    public static final String TABLE = "nova_engagement_events";

    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "event_id String, type String, post_id String, actor_id String, post_author_id String, "
            + "delta Int8, occurred_at DateTime('UTC'), day Date DEFAULT toDate(occurred_at)"
            + ") ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(day) ORDER BY (day, post_id, event_id)";

    /** Daily top posts: net likes + net comments of one UTC day. */
    static final String TOP_POSTS = "SELECT post_id,"
            + " sumIf(delta, type IN ('post.liked', 'post.unliked')) AS likes,"
            + " sumIf(delta, type IN ('comment.created', 'comment.deleted')) AS comments,"
            + " likes + comments AS engagement"
            + " FROM " + TABLE + " FINAL WHERE day = toDate('%s')"
            + " GROUP BY post_id HAVING engagement > 0"
            + " ORDER BY engagement DESC, post_id LIMIT %d FORMAT JSON";

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;
    private final ObjectMapper json;
    private volatile boolean tableReady;

    public ClickHouseAnalytics(String url, Duration timeout, ObjectMapper json) {
        this.endpoint = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void record(List<Engagement> batch) throws IOException, InterruptedException {
        ensureTable();
        StringBuilder body = new StringBuilder("INSERT INTO ").append(TABLE)
                .append(" (event_id, type, post_id, actor_id, post_author_id, delta, occurred_at) FORMAT JSONEachRow\n");
        for (Engagement row : batch) {
            ObjectNode line = json.createObjectNode()
                    .put("event_id", row.eventId()).put("type", row.type()).put("post_id", row.postId())
                    .put("actor_id", row.actorId()).put("post_author_id", row.postAuthorId())
                    .put("delta", row.delta()).put("occurred_at", DATE_TIME.format(row.occurredAt()));
            body.append(json.writeValueAsString(line)).append('\n');
        }
        execute(body.toString());
    }

    @Override
    public List<DailyTop> topPosts(LocalDate day, int limit) throws IOException, InterruptedException {
        ensureTable();
        // The day is a LocalDate and the limit an int: nothing a caller typed reaches the SQL text as such.
        JsonNode result = json.readTree(execute(String.format(TOP_POSTS, day, limit)));
        List<DailyTop> top = new ArrayList<>();
        // FORMAT JSON quotes 64-bit integers; asLong reads both spellings.
        for (JsonNode row : result.path("data")) {
            top.add(new DailyTop(row.path("post_id").asText(), row.path("likes").asLong(),
                    row.path("comments").asLong(), row.path("engagement").asLong()));
        }
        return top;
    }

    private void ensureTable() throws IOException, InterruptedException {
        if (!tableReady) {
            execute(CREATE_TABLE);
            tableReady = true;
        }
    }

    /** Runs one statement (the request body); a non-200 answer is an IOException carrying ClickHouse's message. */
    private String execute(String sql) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String message = response.body().strip();
            throw new IOException("ClickHouse answered " + response.statusCode() + ": "
                    + message.substring(0, Math.min(500, message.length())));
        }
        return response.body();
    }
}
