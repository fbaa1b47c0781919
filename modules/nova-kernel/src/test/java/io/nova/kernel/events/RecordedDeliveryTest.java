package io.nova.kernel.events;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.db.Migrations;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import io.nova.kernel.PlatformDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched delivery against a real PostgreSQL: events share transactions, yet each is handled once, a failing
 * event commits what came before it and nothing after it, and events the handler does not want cost nothing.
 */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedDeliveryTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private Jdbi jdbi;

    @BeforeAll
    void setUp(TestPlatform platform) {
        PGSimpleDataSource dataSource = PlatformDatabase.dataSource(platform);
        new Migrations(dataSource, "recorded-delivery-test").migrate();
        jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> handle.execute("""
                CREATE TABLE IF NOT EXISTS batch_handled (
                    consumer TEXT NOT NULL, event_id UUID NOT NULL, tx BIGINT NOT NULL DEFAULT txid_current())"""));
    }

    @Test
    void eventsShareTransactionsAndEachIsHandledOnce() {
        String consumer = "batched-" + UUID.randomUUID();
        List<EventEnvelope> events = events(10, "post.liked");
        // Handled by an earlier poll: recorded, so skipped.
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO nova_processed_events (consumer, event_id) VALUES (?, ?)", consumer,
                events.get(6).eventId()));
        List<EventEnvelope> polled = new ArrayList<>(events);
        polled.add(4, events.get(2)); // the outbox republished it: the poll holds it twice
        Meter handled = new Meter();
        Meter duplicates = new Meter();
        Recording handler = new Recording(consumer, 4);
        RecordedDelivery delivery = new RecordedDelivery(consumer, jdbi, handler, handled, duplicates);

        int done = delivery.deliver(polled, (event, e) -> {
            throw new AssertionError("nothing fails here", e);
        });

        assertThat(done).isEqualTo(polled.size());
        List<UUID> expected = new ArrayList<>(ids(events));
        expected.remove(6);
        assertThat(handledIds(consumer)).containsExactlyElementsOf(expected);
        assertThat(transactions(consumer)).as("11 events in batches of 4: 3 transactions").isEqualTo(3);
        assertThat(handled.getCount()).isEqualTo(9);
        assertThat(duplicates.getCount()).isEqualTo(2);
        assertThat(handler.unprepared).as("every batch is handled by the handler its look-ahead returned").isEmpty();
    }

    @Test
    void aFailingEventCommitsWhatCameBeforeItAndNothingAfterIt() {
        String consumer = "failing-" + UUID.randomUUID();
        List<EventEnvelope> events = events(8, "post.liked");
        Recording handler = new Recording(consumer, 4);
        handler.failOn = events.get(5).eventId();
        List<EventEnvelope> failed = new CopyOnWriteArrayList<>();
        RecordedDelivery delivery = new RecordedDelivery(consumer, jdbi, handler, new Meter(), new Meter());

        int done = delivery.deliver(events, (event, e) -> failed.add(event));

        assertThat(done).as("the events before the failing one").isEqualTo(5);
        assertThat(failed).containsExactly(events.get(5));
        assertThat(handler.unprepared).as("a failed batch is redone alone, without its look-ahead")
                .containsExactly(events.get(4).eventId(), events.get(5).eventId());
        assertThat(handledIds(consumer)).containsExactlyElementsOf(ids(events.subList(0, 5)));
        assertThat(processed(consumer)).as("only what committed is marked")
                .isEqualTo(Set.copyOf(ids(events.subList(0, 5))));

        // The partition comes back to the failing event; this time it passes, and everything is handled once.
        handler.failOn = null;
        Meter duplicates = new Meter();
        RecordedDelivery again = new RecordedDelivery(consumer, jdbi, handler, new Meter(), duplicates);
        assertThat(again.deliver(events, (event, e) -> failed.add(event))).isEqualTo(events.size());
        assertThat(handledIds(consumer)).containsExactlyElementsOf(ids(events));
        assertThat(duplicates.getCount()).isEqualTo(5);
    }

    @Test
    void unwantedEventsArePassedOverUnrecordedAndPrepareSeesTheWantedOnes() {
        String consumer = "choosy-" + UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.addAll(events(1, "post.liked"));
            events.addAll(events(1, "notification.created"));
        }
        Recording handler = new Recording(consumer, 3);
        handler.wanted = "post.liked";
        handler.prepareFails = true;
        RecordedDelivery delivery = new RecordedDelivery(consumer, jdbi, handler, new Meter(), new Meter());

        assertThat(delivery.deliver(events, (event, e) -> {
            throw new AssertionError("nothing fails here", e);
        })).isEqualTo(events.size());

        List<UUID> liked = events.stream().filter(event -> event.type().equals("post.liked"))
                .map(EventEnvelope::eventId).toList();
        assertThat(handledIds(consumer)).as("a failing prepare costs nothing but the look-ahead")
                .containsExactlyElementsOf(liked);
        assertThat(processed(consumer)).isEqualTo(Set.copyOf(liked));
        assertThat(handler.prepared).containsExactly(liked.subList(0, 3), liked.subList(3, 6));
    }

    /** Records each event it handles, with its transaction; fails on one event when told to. */
    private static final class Recording implements EventHandler {
        private final String consumer;
        private final int batchSize;
        private final List<List<UUID>> prepared = new CopyOnWriteArrayList<>();
        /** Events given to this handler itself, not to the one {@link #prepare} returned. */
        private final List<UUID> unprepared = new CopyOnWriteArrayList<>();
        private volatile UUID failOn;
        private volatile String wanted;
        private volatile boolean prepareFails;

        Recording(String consumer, int batchSize) {
            this.consumer = consumer;
            this.batchSize = batchSize;
        }

        @Override
        public void handle(Handle handle, EventEnvelope event) {
            unprepared.add(event.eventId());
            write(handle, event);
        }

        private void write(Handle handle, EventEnvelope event) {
            handle.execute("INSERT INTO batch_handled (consumer, event_id) VALUES (?, ?)", consumer,
                    event.eventId());
            if (event.eventId().equals(failOn)) {
                throw new IllegalStateException("this event fails");
            }
        }

        @Override
        public int batchSize() {
            return batchSize;
        }

        @Override
        public boolean wants(EventEnvelope event) {
            return wanted == null || wanted.equals(event.type());
        }

        @Override
        public EventHandler prepare(List<EventEnvelope> events) {
            prepared.add(ids(events));
            if (prepareFails) {
                throw new IllegalStateException("the look-ahead fails");
            }
            // What a real look-ahead hands over: this batch's events are handled knowing they were prepared.
            Set<UUID> ahead = Set.copyOf(ids(events));
            return (handle, event) -> {
                assertThat(ahead).contains(event.eventId());
                write(handle, event);
            };
        }
    }

    private List<EventEnvelope> events(int count, String type) {
        return IntStream.range(0, count).mapToObj(i -> new EventEnvelope(UUID.randomUUID(), type, Instant.now(),
                "post-" + i, mapper.createObjectNode().put("seq", i))).toList();
    }

    private static List<UUID> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::eventId).toList();
    }

    /** In the order they were handled (and committed). */
    private List<UUID> handledIds(String consumer) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT event_id FROM batch_handled WHERE consumer = :consumer ORDER BY ctid")
                .bind("consumer", consumer).mapTo(UUID.class).list());
    }

    private int transactions(String consumer) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(DISTINCT tx) FROM batch_handled WHERE consumer = :consumer")
                .bind("consumer", consumer).mapTo(Integer.class).one());
    }

    private Set<UUID> processed(String consumer) {
        return Set.copyOf(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT event_id FROM nova_processed_events WHERE consumer = :consumer")
                .bind("consumer", consumer).mapTo(UUID.class).list()));
    }
}
