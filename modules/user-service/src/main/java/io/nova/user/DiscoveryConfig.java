package io.nova.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * user-service's {@code discovery} block: trending posts and hashtags, who to follow, and the copy of engagement
 * to ClickHouse (docs/api-discovery.md, docs/configuration.md). Defaults are in user-service.yml.
 */
public final class DiscoveryConfig {

    /** A like or comment counts half as much after this long (DISCOVERY_HALF_LIFE). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration halfLife;

    /** Engagements older than this count nothing (DISCOVERY_WINDOW). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration window;

    /** What one like is worth (DISCOVERY_LIKE_WEIGHT). */
    @DecimalMin("0")
    private double likeWeight;

    /** What one comment is worth (DISCOVERY_COMMENT_WEIGHT). */
    @DecimalMin("0")
    private double commentWeight;

    /** Likes and comments a post needs within the window to trend at all (DISCOVERY_MIN_ENGAGEMENT). */
    @Min(1)
    private int minEngagement;

    /** Trending hashtags count the posts of this recent window (DISCOVERY_TAG_WINDOW). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration tagWindow;

    /** How long a /discover/posts cursor may be paged on (DISCOVERY_CURSOR_LIFETIME). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration cursorLifetime;

    /** How often engagements no ranking can reach any more are deleted (DISCOVERY_PRUNE_INTERVAL). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration pruneInterval;

    /** The consumer group (user-service.<name>) that keeps discovery's tables (DISCOVERY_CONSUMER). */
    @NotEmpty
    private String consumer;

    /** The consumer group (user-service.<name>) that copies engagement to ClickHouse when CLICKHOUSE_URL is set (DISCOVERY_ANALYTICS_CONSUMER). */
    @NotEmpty
    private String analyticsConsumer;

    @JsonProperty
    public Duration getHalfLife() {
        return halfLife;
    }

    @JsonProperty
    public void setHalfLife(Duration halfLife) {
        this.halfLife = halfLife;
    }

    @JsonProperty
    public Duration getWindow() {
        return window;
    }

    @JsonProperty
    public void setWindow(Duration window) {
        this.window = window;
    }

    @JsonProperty
    public double getLikeWeight() {
        return likeWeight;
    }

    @JsonProperty
    public void setLikeWeight(double likeWeight) {
        this.likeWeight = likeWeight;
    }

    @JsonProperty
    public double getCommentWeight() {
        return commentWeight;
    }

    @JsonProperty
    public void setCommentWeight(double commentWeight) {
        this.commentWeight = commentWeight;
    }

    @JsonProperty
    public int getMinEngagement() {
        return minEngagement;
    }

    @JsonProperty
    public void setMinEngagement(int minEngagement) {
        this.minEngagement = minEngagement;
    }

    @JsonProperty
    public Duration getTagWindow() {
        return tagWindow;
    }

    @JsonProperty
    public void setTagWindow(Duration tagWindow) {
        this.tagWindow = tagWindow;
    }

    @JsonProperty
    public Duration getCursorLifetime() {
        return cursorLifetime;
    }

    @JsonProperty
    public void setCursorLifetime(Duration cursorLifetime) {
        this.cursorLifetime = cursorLifetime;
    }

    @JsonProperty
    public Duration getPruneInterval() {
        return pruneInterval;
    }

    @JsonProperty
    public void setPruneInterval(Duration pruneInterval) {
        this.pruneInterval = pruneInterval;
    }

    @JsonProperty
    public String getConsumer() {
        return consumer;
    }

    @JsonProperty
    public void setConsumer(String consumer) {
        this.consumer = consumer;
    }

    @JsonProperty
    public String getAnalyticsConsumer() {
        return analyticsConsumer;
    }

    @JsonProperty
    public void setAnalyticsConsumer(String analyticsConsumer) {
        this.analyticsConsumer = analyticsConsumer;
    }
}
