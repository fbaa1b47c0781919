package io.nova.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One request or group of a Gatling report's {@code js/stats.json}: counts and the configured percentiles. */
record ReportStats(String name, String type, long ok, long ko, double p50, double p95, double p99, double p999,
                   double max, List<ReportStats> children) {

    static ReportStats of(JsonNode node) {
        JsonNode stats = node.path("stats");
        List<ReportStats> children = new ArrayList<>();
        node.path("contents").forEach(child -> children.add(of(child)));
        return new ReportStats(stats.path("name").asText(node.path("name").asText()), node.path("type").asText(),
                stats.path("numberOfRequests").path("ok").asLong(), stats.path("numberOfRequests").path("ko").asLong(),
                total(stats, "percentiles1"), total(stats, "percentiles2"), total(stats, "percentiles3"),
                total(stats, "percentiles4"), total(stats, "maxResponseTime"), children);
    }

    /** Percentiles over every answer, failed ones included: an error is not faster than the target. */
    private static double total(JsonNode stats, String field) {
        return stats.path(field).path("total").asDouble(Double.NaN);
    }

    long count() {
        return ok + ko;
    }

    ReportStats child(String name) {
        return children.stream().filter(child -> child.name.equals(name)).findFirst().orElse(null);
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format("%.0f", value);
    }
}
