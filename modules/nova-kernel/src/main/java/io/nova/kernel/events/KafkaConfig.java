package io.nova.kernel.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Where Kafka is and how the outbox relay paces itself. */
public final class KafkaConfig {

    @NotBlank
    private String brokers;

    /**
     * The longest a committed outbox row waits for the relay when its commit notification is lost (the relay is
     * woken at each commit; this is its fallback poll, and its pace while the database is away).
     */
    @NotNull
    private Duration relayInterval = Duration.milliseconds(200);

    /** Published outbox rows are deleted after this long. */
    @NotNull
    private Duration outboxRetention = Duration.days(7);

    @JsonProperty
    public String getBrokers() {
        return brokers;
    }

    @JsonProperty
    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    @JsonProperty
    public Duration getRelayInterval() {
        return relayInterval;
    }

    @JsonProperty
    public void setRelayInterval(Duration relayInterval) {
        this.relayInterval = relayInterval;
    }

    @JsonProperty
    public Duration getOutboxRetention() {
        return outboxRetention;
    }

    @JsonProperty
    public void setOutboxRetention(Duration outboxRetention) {
        this.outboxRetention = outboxRetention;
    }
}
