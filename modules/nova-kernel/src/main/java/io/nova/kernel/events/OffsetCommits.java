package io.nova.kernel.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * When an {@link EventConsumer} tells Kafka how far it got. Every offset it commits is one whose events are all
 * done, as before; but it commits at most once per {@code interval} while events flow (asynchronously), at once
 * when the topic goes quiet, and synchronously when its partitions are taken away or it stops. Committing after
 * every poll cost a broker round trip per poll and a write to the offsets topic — at 500 messages/s, offset commits
 * and the group coordinator were ≈ 15 % of the local broker's CPU. What the longer interval risks is only
 * redelivery after a crash (at most an interval's events), which both kinds of delivery already skip by event id.
 *
 * <p>Used from the consumer's own thread only (Kafka's consumer is single-threaded; its callbacks run in poll).
 */
final class OffsetCommits implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);

    private final String name;
    private final Duration interval;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private final Consumer<String, byte[]> consumer;
    private long lastCommit = System.nanoTime();

    /** {@code consumer} is to subscribe with this as its rebalance listener. */
    OffsetCommits(String name, Duration interval, Consumer<String, byte[]> consumer) {
        this.name = name;
        this.interval = interval;
        this.consumer = consumer;
    }

    /** Everything before {@code next} in {@code partition} is done. */
    void done(TopicPartition partition, long next) {
        pending.put(partition, new OffsetAndMetadata(next));
    }

    /** After each poll: commits what is done when the interval has passed, or when the poll found nothing. */
    void afterPoll(boolean pollWasEmpty) {
        if (pending.isEmpty()) {
            return;
        }
        if (!pollWasEmpty && System.nanoTime() - lastCommit < interval.toNanos()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
        pending.clear();
        lastCommit = System.nanoTime();
        // A failed commit needs no retry: the next one carries later offsets of the same partitions.
        consumer.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                LOG.debug("Event consumer {}: an offset commit failed; the next one covers it: {}", name,
                        failure.toString());
            }
        });
    }

    /** Commits what is done and waits for it: on stopping, and before partitions move to another consumer. */
    void flush() {
        commitNow(pending);
        pending.clear();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = pending.remove(partition);
            if (offset != null) {
                leaving.put(partition, offset);
            }
        }
        commitNow(leaving);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Nothing to do: a new partition starts from its committed offset.
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // Another consumer may own them already: committing now would be refused, and is not needed.
        partitions.forEach(pending::remove);
    }

    private void commitNow(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException stopping) {
                // The wake-up that stops the consumer may land here instead of in a poll: the commit still counts.
                consumer.commitSync(offsets);
            }
            lastCommit = System.nanoTime();
        } catch (KafkaException e) {
            // Not fatal: the new owner redoes these events, and skips them by event id.
            LOG.warn("Event consumer {}: could not commit {} partition(s) before giving them up: {}", name,
                    offsets.size(), e.toString());
        }
    }
}
