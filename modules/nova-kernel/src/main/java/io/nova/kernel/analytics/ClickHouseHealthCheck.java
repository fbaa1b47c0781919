package io.nova.kernel.analytics;

import com.codahale.metrics.health.HealthCheck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** When ClickHouse is configured, readiness includes it: its HTTP interface answers {@code GET /ping}. */
public final class ClickHouseHealthCheck extends HealthCheck {

    public static final String NAME = "clickhouse";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI ping;

    public ClickHouseHealthCheck(ClickHouseConfig config) {
        String base = config.getUrl().endsWith("/") ? config.getUrl() : config.getUrl() + "/";
        this.ping = URI.create(base).resolve("ping");
    }

    @Override
    protected Result check() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Result.healthy() : Result.unhealthy("HTTP " + response.statusCode());
    }
}
