package io.nova.kernel.events;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them published. Only one replica
 * relays at a time (a transaction-scoped advisory lock), which keeps each aggregate's events in order. A crash
 * between publishing and marking republishes a batch; consumers skip the duplicates by event id.
 *
 * <p>It relays as soon as a transaction with outbox rows commits ({@link OutboxSignal}), and at the latest every
 * {@code relayInterval} — the bound when a notification is lost, and the pace while the database is away.
 */
public final class OutboxRelay implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant: the advisory lock key that elects the relaying replica within one service's database. */
    private static final long LOCK_KEY = 0x4E4F56414F555442L;
    private static final int BATCH = 500;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Producer<String, byte[]> producer;
    private final EventCodec codec;
    private final KafkaConfig config;
    private final Meter published;
    private final Meter parked;
    private final OutboxSignal signal;
    private final Thread thread;
    private Instant lastPrune = Instant.EPOCH;
    private volatile boolean stopping;

    public OutboxRelay(Jdbi jdbi, Producer<String, byte[]> producer, ObjectMapper mapper, KafkaConfig config,
                       MetricRegistry metrics, String serviceName) {
        this.jdbi = jdbi;
        this.producer = producer;
        this.codec = new EventCodec(mapper);
        this.config = config;
        this.published = metrics.meter(MetricRegistry.name(OutboxRelay.class, "published"));
        this.parked = metrics.meter(MetricRegistry.name(OutboxRelay.class, "parked"));
        this.signal = new OutboxSignal(jdbi);
        this.thread = new Thread(this::run, serviceName + "-outbox-relay");
        thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        // The wait ends within a quarter second; a pass under way finishes its batch (publish, then mark).
        thread.join(Duration.ofSeconds(10).toMillis());
        producer.close(Duration.ofSeconds(5));
    }

    private void run() {
        Duration fallback = config.getRelayInterval().toJavaDuration();
        try {
            while (!stopping) {
                boolean relayed;
                try {
                    signal.listen();
                    relayed = relayQuietly();
                    if (relayed) {
                        signal.await(fallback, () -> stopping);
                    }
                } catch (RuntimeException unexpected) {
                    // Whatever went wrong, this thread is the only way events leave: it must outlive the failure.
                    LOG.error("Outbox relay pass failed; going on", unexpected);
                    relayed = false;
                }
                if (!relayed) {
                    // Kafka or the database refused: commits keep signalling, but retrying at their pace would spin.
                    Thread.sleep(Math.min(fallback.toMillis(), 1_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            signal.close();
        }
    }

    /** One pass: every waiting row, batch by batch. False when it failed. */
    private boolean relayQuietly() throws InterruptedException {
        try {
            while (!stopping && relayBatch() == BATCH) {
                // A full batch: more are probably waiting.
            }
            pruneIfDue();
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Outbox relay failed; retrying in {}: {}", config.getRelayInterval(), e.toString());
            return false;
        }
    }

    /** Publishes up to one batch; returns how many rows it handled (published, or parked as poison). */
    public int relayBatch() throws Exception {
        return jdbi.<Integer, Exception>inTransaction(handle -> {
            if (!handle.createQuery("SELECT pg_try_advisory_xact_lock(:key)").bind("key", LOCK_KEY)
                    .mapTo(Boolean.class).one()) {
                return 0;
            }
            List<Row> rows = handle.createQuery("""
                            SELECT id, event_id, topic, event_type, aggregate_id, payload::text AS payload, occurred_at
                            FROM nova_outbox WHERE published_at IS NULL AND parked_at IS NULL
                            ORDER BY id LIMIT :batch""")
                    .bind("batch", BATCH)
                    .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                            rs.getString("topic"), rs.getString("event_type"), rs.getString("aggregate_id"),
                            rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant()))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            Map<Row, String> poison = publish(rows);
            List<Row> sent = rows.stream().filter(row -> !poison.containsKey(row)).toList();
            markPublished(handle, sent);
            poison.forEach((row, reason) -> park(handle, row, reason));
            published.mark(sent.size());
            return rows.size();
        });
    }

    /**
     * Sends the rows and waits for every acknowledgement. A row Kafka can never accept ({@link PoisonEvents}) is
     * returned with the reason, to be parked; any other failure (the broker away, a timeout) fails the whole batch,
     * which is retried — rows already acknowledged are then sent again, and consumers skip them by event id.
     */
    private Map<Row, String> publish(List<Row> rows) throws Exception {
        Map<Row, String> poison = new LinkedHashMap<>();
        Map<Row, Future<RecordMetadata>> acks = new LinkedHashMap<>();
        for (Row row : rows) {
            ProducerRecord<String, byte[]> record;
            try {
                record = new ProducerRecord<>(row.topic, row.aggregateId, codec.encode(new EventEnvelope(row.eventId,
                        row.type, row.occurredAt, row.aggregateId, codec.payload(row.payload))));
            } catch (RuntimeException undecodable) {
                poison.put(row, "cannot be encoded: " + undecodable);
                continue;
            }
            record.headers().add("event_type", row.type.getBytes(StandardCharsets.UTF_8));
            try {
                acks.put(row, producer.send(record));
            } catch (KafkaException refused) {
                poison.put(row, PoisonEvents.reason(refused).orElseThrow(() -> refused));
            }
        }
        producer.flush();
        for (Map.Entry<Row, Future<RecordMetadata>> ack : acks.entrySet()) {
            try {
                ack.getValue().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException failed) {
                Optional<String> reason = PoisonEvents.reason(failed.getCause());
                if (reason.isEmpty()) {
                    throw failed;
                }
                poison.put(ack.getKey(), reason.get());
            }
        }
        return poison;
    }

    private void park(Handle handle, Row row, String reason) {
        handle.createUpdate("UPDATE nova_outbox SET parked_at = now(), parked_reason = :reason WHERE id = :id")
                .bind("reason", reason)
                .bind("id", row.id)
                .execute();
        parked.mark();
        LOG.error("Parked outbox event {} ({} on {}, row {}): Kafka can never accept it: {}. The rest goes on; see "
                + "docs/operations.md to re-queue it.", row.eventId, row.type, row.topic, row.id, reason);
    }

    private static void markPublished(Handle handle, List<Row> rows) {
        handle.createUpdate("UPDATE nova_outbox SET published_at = now() WHERE id = ANY(:ids)")
                .bindArray("ids", Long.class, rows.stream().map(Row::id).toArray(Long[]::new))
                .execute();
    }

    private void pruneIfDue() {
        if (Instant.now().isBefore(lastPrune.plus(PRUNE_EVERY))) {
            return;
        }
        lastPrune = Instant.now();
        int pruned = jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM nova_outbox WHERE published_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) config.getOutboxRetention().toSeconds())
                .execute());
        // Redeliveries older than the retention cannot happen any more: their "already processed" marks can go.
        int forgotten = jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM nova_processed_events WHERE processed_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", (double) config.getOutboxRetention().toSeconds() * 2)
                .execute());
        if (pruned > 0 || forgotten > 0) {
            LOG.info("Pruned {} published outbox row(s) and {} processed-event mark(s)", pruned, forgotten);
        }
    }

    private record Row(long id, UUID eventId, String topic, String type, String aggregateId, String payload,
                       Instant occurredAt) {
    }
}
