package io.nova.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.concurrent.TimeUnit;

/** The realtime socket's {@code realtime} block (docs/api-realtime.md explains each). Defaults are production's. */
public final class RealtimeConfig {

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration heartbeatInterval = Duration.seconds(25);

    /** Events kept per user for resume: the newest this many (≥ 10,000 in production). */
    @Min(1)
    private int replayLength = 10_000;

    @Min(1)
    private int sendQueueFrames = 256;

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration sendStallTimeout = Duration.seconds(10);

    @NotNull
    @MinDataSize(value = 256, unit = DataSizeUnit.BYTES)
    @MaxDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxFrameSize = DataSize.kibibytes(16);

    @Min(1)
    private int inboundFramesPerSecond = 10;

    @Min(1)
    private int inboundBurst = 40;

    @Min(1)
    private int deliveryThreads = 4;

    /** Prefix of the replay logs' keys and the pub/sub channels in Redis. */
    @NotBlank
    private String keyPrefix = "nova:rt:";

    /** The fan-out's Kafka consumer group is {@code messaging-service.<this>}. */
    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._-]+")
    private String fanOutConsumer = "realtime-fanout";

    /** How long a stopping replica waits for its sockets' closing handshakes. */
    @NotNull
    private Duration closeWait = Duration.seconds(5);

    @JsonProperty
    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    @JsonProperty
    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    @JsonProperty
    public int getReplayLength() {
        return replayLength;
    }

    @JsonProperty
    public void setReplayLength(int replayLength) {
        this.replayLength = replayLength;
    }

    @JsonProperty
    public int getSendQueueFrames() {
        return sendQueueFrames;
    }

    @JsonProperty
    public void setSendQueueFrames(int sendQueueFrames) {
        this.sendQueueFrames = sendQueueFrames;
    }

    @JsonProperty
    public Duration getSendStallTimeout() {
        return sendStallTimeout;
    }

    @JsonProperty
    public void setSendStallTimeout(Duration sendStallTimeout) {
        this.sendStallTimeout = sendStallTimeout;
    }

    @JsonProperty
    public DataSize getMaxFrameSize() {
        return maxFrameSize;
    }

    @JsonProperty
    public void setMaxFrameSize(DataSize maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    @JsonProperty
    public int getInboundFramesPerSecond() {
        return inboundFramesPerSecond;
    }

    @JsonProperty
    public void setInboundFramesPerSecond(int inboundFramesPerSecond) {
        this.inboundFramesPerSecond = inboundFramesPerSecond;
    }

    @JsonProperty
    public int getInboundBurst() {
        return inboundBurst;
    }

    @JsonProperty
    public void setInboundBurst(int inboundBurst) {
        this.inboundBurst = inboundBurst;
    }

    @JsonProperty
    public int getDeliveryThreads() {
        return deliveryThreads;
    }

    @JsonProperty
    public void setDeliveryThreads(int deliveryThreads) {
        this.deliveryThreads = deliveryThreads;
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
    public String getFanOutConsumer() {
        return fanOutConsumer;
    }

    @JsonProperty
    public void setFanOutConsumer(String fanOutConsumer) {
        this.fanOutConsumer = fanOutConsumer;
    }

    @JsonProperty
    public Duration getCloseWait() {
        return closeWait;
    }

    @JsonProperty
    public void setCloseWait(Duration closeWait) {
        this.closeWait = closeWait;
    }
}
