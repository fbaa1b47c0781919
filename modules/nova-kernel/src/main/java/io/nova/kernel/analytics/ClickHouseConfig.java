package io.nova.kernel.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional ClickHouse server analytics events go to (CLICKHOUSE_URL, its HTTP interface, e.g.
 * {@code http://clickhouse:8123}). Empty means none: discovery and trending then work from PostgreSQL and Redis.
 */
public final class ClickHouseConfig {

    private String url = "";

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url == null ? "" : url.trim();
    }

    public boolean isEnabled() {
        return !url.isEmpty();
    }
}
