package io.nova.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.nova.contracts.ServicePorts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * The {@code feed} block: where content-service is (posts are hydrated and listed there), how long a call may take,
 * and the home timelines' rules (docs/api-feed.md): their size, the followers beyond which an author is merged at
 * read time instead of pushed, how long an unread timeline is kept, the consumer group and the Redis key prefix.
 */
public final class FeedConfig {

    /** Empty: the service on loopback at its port (io.nova.contracts.ServicePorts). */
    @NotNull
    private String contentServiceTarget;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration grpcDeadline;

    @Min(1)
    @Max(1000)
    private int timelineSize;

    @Min(0)
    private int fanOutMaxFollowers;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration inactiveAfter;

    /** The consumer group's name (group {@code user-service.<consumer>}). */
    @NotEmpty
    private String consumer = "feed";

    /** Prefix of the timeline keys in Redis. */
    @NotNull
    private String keyPrefix = "feed:";

    /** Threads that rebuild timelines in the background. */
    @Min(1)
    private int rebuildThreads = 2;

    /** How long a timeline may stay "being built" before a read may start over (a replica died mid-build). */
    @NotNull
    private Duration buildTimeout = Duration.seconds(60);

    /** Viewers whose widely followed followees this replica keeps in memory (one small list each). */
    @Min(0)
    private long wideFolloweesCacheSize = 100_000;

    @JsonProperty
    public int getTimelineSize() {
        return timelineSize;
    }

    @JsonProperty
    public void setTimelineSize(int timelineSize) {
        this.timelineSize = timelineSize;
    }

    @JsonProperty
    public int getFanOutMaxFollowers() {
        return fanOutMaxFollowers;
    }

    @JsonProperty
    public void setFanOutMaxFollowers(int fanOutMaxFollowers) {
        this.fanOutMaxFollowers = fanOutMaxFollowers;
    }

    @JsonProperty
    public Duration getInactiveAfter() {
        return inactiveAfter;
    }

    @JsonProperty
    public void setInactiveAfter(Duration inactiveAfter) {
        this.inactiveAfter = inactiveAfter;
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
    public String getKeyPrefix() {
        return keyPrefix;
    }

    @JsonProperty
    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    @JsonProperty
    public int getRebuildThreads() {
        return rebuildThreads;
    }

    @JsonProperty
    public void setRebuildThreads(int rebuildThreads) {
        this.rebuildThreads = rebuildThreads;
    }

    @JsonProperty
    public long getWideFolloweesCacheSize() {
        return wideFolloweesCacheSize;
    }

    @JsonProperty
    public void setWideFolloweesCacheSize(long wideFolloweesCacheSize) {
        this.wideFolloweesCacheSize = wideFolloweesCacheSize;
    }

    @JsonProperty
    public Duration getBuildTimeout() {
        return buildTimeout;
    }

    @JsonProperty
    public void setBuildTimeout(Duration buildTimeout) {
        this.buildTimeout = buildTimeout;
    }

    @JsonProperty
    public String getContentServiceTarget() {
        return ServicePorts.grpcTarget(contentServiceTarget, "content-service");
    }

    @JsonProperty
    public void setContentServiceTarget(String contentServiceTarget) {
        this.contentServiceTarget = contentServiceTarget == null ? "" : contentServiceTarget.strip();
    }

    @JsonProperty
    public Duration getGrpcDeadline() {
        return grpcDeadline;
    }

    @JsonProperty
    public void setGrpcDeadline(Duration grpcDeadline) {
        this.grpcDeadline = grpcDeadline;
    }
}
