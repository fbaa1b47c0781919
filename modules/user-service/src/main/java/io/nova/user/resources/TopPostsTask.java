package io.nova.user.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.servlets.tasks.Task;
import io.nova.user.core.discovery.EngagementAnalytics;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics query on ClickHouse, for operators on the admin port (registered only when CLICKHOUSE_URL is set):
 * {@code POST /tasks/discovery-top-posts?day=2026-12-05&limit=10} prints the day's posts with the most net likes +
 * comments as JSON. {@code day} defaults to today (UTC), {@code limit} to 10 (1..1000). Bad parameters print an
 * {@code error} object instead of running anything.
 */
public final class TopPostsTask extends Task {

    public static final String NAME = "discovery-top-posts";

    private final EngagementAnalytics analytics;
    private final ObjectMapper json;

    public TopPostsTask(EngagementAnalytics analytics, ObjectMapper json) {
        super(NAME);
        this.analytics = analytics;
        this.json = json;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
        LocalDate day;
        int limit;
        try {
            day = first(parameters, "day").map(LocalDate::parse).orElse(LocalDate.now(ZoneOffset.UTC));
            limit = first(parameters, "limit").map(Integer::parseInt).orElse(10);
        } catch (DateTimeParseException | NumberFormatException e) {
            output.println(json.writeValueAsString(Map.of("error", "invalid_parameter",
                    "message", "day must be a date such as 2026-12-05 and limit a number 1..1000")));
            return;
        }
        if (limit < 1 || limit > 1000) {
            output.println(json.writeValueAsString(Map.of("error", "invalid_parameter",
                    "message", "limit must be 1..1000")));
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("day", day.toString());
        result.put("posts", analytics.topPosts(day, limit));
        output.println(json.writeValueAsString(result));
    }

    private static java.util.Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(values.get(0).strip());
    }
}
