package io.nova.kernel.events;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds events from Kafka to one handler, each exactly once in effect, in one of two ways: an {@link EventHandler}
 * runs in the same database transaction that records the event id as processed, so duplicates (a redelivery after
 * a crash or a rebalance, a republished outbox batch) are skipped — one event per transaction, or a batch when the
 * handler allows it ({@link RecordedDelivery}); an {@link IdempotentEventHandler} gets each
 * poll's events at once and deduplicates them itself. Offsets are committed only after processing, about once a
 * second while events flow ({@link OffsetCommits}). A failing event is retried after a pause; it does not let later
 * events of its partition overtake it.
 */
public final class EventConsumer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /** How often offsets are committed while events flow: a crash redelivers at most this much (skipped). */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final String name;
    private final Collection<String> topics;
    private final Map<String, Object> settings;
    private final EventCodec codec;
    /** Set once by the public constructor, before {@link #start} hands it to the consumer thread. */
    private Delivery delivery;
    private final Meter handled;
    private final Meter duplicates;
    private final Meter failures;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;
    private OffsetCommits commits;

    /**
     * Each event in the database transaction that records it as processed ({@link EventHandler}).
     *
     * @param name the consumer group, and the name its processed events are recorded under
     */
    public EventConsumer(String name, Collection<String> topics, String brokers, Jdbi jdbi, ObjectMapper mapper,
                         EventHandler handler, MetricRegistry metrics) {
        this(name, topics, brokers, mapper, metrics);
        this.delivery = recorded(jdbi, handler);
    }

    /**
     * Each poll's events in one call to a handler that deduplicates by event id itself (an append to an
     * idempotent log): no database, no transaction per event.
     */
    public EventConsumer(String name, Collection<String> topics, String brokers, ObjectMapper mapper,
                         IdempotentEventHandler handler, MetricRegistry metrics) {
        this(name, topics, brokers, mapper, metrics);
        this.delivery = idempotent(handler);
    }

    private EventConsumer(String name, Collection<String> topics, String brokers, ObjectMapper mapper,
                          MetricRegistry metrics) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.settings = settings(name, brokers);
        this.codec = new EventCodec(mapper);
        this.handled = metrics.meter(MetricRegistry.name(EventConsumer.class, name, "handled"));
        this.duplicates = metrics.meter(MetricRegistry.name(EventConsumer.class, name, "duplicates"));
        this.failures = metrics.meter(MetricRegistry.name(EventConsumer.class, name, "failures"));
    }

    static Map<String, Object> settings(String group, String brokers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // A replica that dies without leaving the group holds its partitions until the session times out: 10 s
        // (Kafka's default is 45 s) bounds how long its users' events wait for another replica to take over.
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return settings;
    }

    @Override
    public void start() {
        running = true;
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        commits = new OffsetCommits(name, COMMIT_INTERVAL, consumer);
        thread = new Thread(this::run, "event-consumer-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    private void run() {
        try (Consumer<String, byte[]> kafka = consumer) {
            kafka.subscribe(topics, commits);
            while (running) {
                try {
                    pollOnce(kafka);
                } catch (WakeupException e) {
                    if (running) {
                        LOG.warn("Event consumer {} woken up while running; continuing", name);
                    }
                } catch (KafkaException e) {
                    // Kafka away, a commit lost to a rebalance, a poll interval exceeded: go back to what is
                    // committed and carry on; what was handled but not committed is skipped as a duplicate.
                    LOG.warn("Event consumer {}: {}; resuming from the committed offsets in {}", name, e.toString(),
                            RETRY_PAUSE);
                    Thread.sleep(RETRY_PAUSE.toMillis());
                    rewindToCommitted(kafka);
                }
            }
            commits.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Event consumer {} stopped", name, e);
        }
    }

    private void pollOnce(Consumer<String, byte[]> kafka) throws InterruptedException {
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
        boolean retrying = false;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> polled = records.records(partition);
            List<Decoded> events = decode(polled);
            int delivered = delivery.deliver(events.stream().map(Decoded::event).toList());
            long next = polled.get(polled.size() - 1).offset() + 1;
            if (delivered < events.size()) {
                // Come back to the first event not done (and everything after it) on the next poll.
                next = events.get(delivered).offset();
                kafka.seek(partition, next);
                retrying = true;
            }
            if (next > polled.get(0).offset()) {
                commits.done(partition, next);
            }
        }
        commits.afterPoll(records.isEmpty());
        if (retrying) {
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    /** The partition's events in order; a record that is not an event is logged and passed over. */
    private List<Decoded> decode(List<ConsumerRecord<String, byte[]>> records) {
        List<Decoded> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(new Decoded(record.offset(), codec.decode(record.value())));
            } catch (IllegalArgumentException e) {
                // Retrying cannot make it readable: log it with where it is and move on.
                LOG.error("Skipping a record that is not an event envelope: {}-{}@{}", record.topic(),
                        record.partition(), record.offset());
                failures.mark();
            }
        }
        return events;
    }

    private void rewindToCommitted(Consumer<String, byte[]> kafka) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(kafka.assignment());
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    kafka.seek(partition, offset);
                }
            });
        } catch (KafkaException e) {
            LOG.debug("Could not read committed offsets of {} yet", name, e);
        }
    }

    /** Hands a partition's polled events, in order, to the handler; returns how many of the first are done. */
    private interface Delivery {
        int deliver(List<EventEnvelope> events);
    }

    /** Each event in the transaction that records it processed, up to the handler's batch size per transaction. */
    private Delivery recorded(Jdbi jdbi, EventHandler handler) {
        RecordedDelivery delivery = new RecordedDelivery(name, jdbi, handler, handled, duplicates);
        return events -> delivery.deliver(events, (event, e) -> failed(List.of(event), e));
    }

    /** All the events at once to a handler that deduplicates them itself; a failure retries all of them. */
    private Delivery idempotent(IdempotentEventHandler handler) {
        return events -> {
            if (events.isEmpty()) {
                return 0;
            }
            try {
                handler.handle(events);
                handled.mark(events.size());
                return events.size();
            } catch (Exception e) {
                failed(events, e);
                return 0;
            }
        };
    }

    private void failed(List<EventEnvelope> events, Exception e) {
        failures.mark();
        EventEnvelope first = events.get(0);
        LOG.warn("Event {} ({}){} failed in {}; retrying in {}", first.eventId(), first.type(),
                events.size() > 1 ? " and the " + (events.size() - 1) + " after it" : "", name, RETRY_PAUSE, e);
    }

    private record Decoded(long offset, EventEnvelope event) {
    }
}
