package io.nova.kernel.events;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.Optional;

/**
 * Which send failures mean "Kafka will never accept this event", so that retrying it would block every event behind
 * it forever: the record is too large, its topic name is invalid, it cannot be serialized. Everything else — the
 * broker away, timeouts, leadership moving, authorization not yet granted, a producer in a bad state — may pass,
 * and is retried with the whole batch. An allow-list on purpose: parking a good event is a loss, retrying a poison
 * one only a delay.
 */
final class PoisonEvents {

    private PoisonEvents() {
    }

    /** Why the event can never be sent, or empty when the failure may pass. */
    static Optional<String> reason(Throwable failure) {
        if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof SerializationException) {
            return Optional.of(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        return Optional.empty();
    }
}
