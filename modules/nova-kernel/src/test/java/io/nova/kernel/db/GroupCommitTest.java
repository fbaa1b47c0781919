package io.nova.kernel.db;

import com.codahale.metrics.MetricRegistry;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.errors.DomainException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import io.nova.kernel.PlatformDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit against a real PostgreSQL: waiting items share a transaction, each caller learns its own item's fate,
 * and a batch that fails before its commit is written again item by item.
 */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitTest {

    /** An item: a row to insert under {@code key} (a primary key), refused when {@code refuse}. */
    private record Item(String run, String key, boolean refuse) {
    }

    private Jdbi jdbi;

    @BeforeAll
    void setUp(TestPlatform platform) {
        PGSimpleDataSource dataSource = PlatformDatabase.dataSource(platform);
        jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> handle.execute("""
                CREATE TABLE IF NOT EXISTS group_commit_items (
                    run TEXT NOT NULL, key TEXT PRIMARY KEY, tx BIGINT NOT NULL DEFAULT txid_current())"""));
    }

    /** Inserts each item's row and answers its tx; the item {@code hold} waits for {@code release} first. */
    private GroupCommit.Batch<Item, Long> inserting(String hold, CountDownLatch holding, CountDownLatch release) {
        return (handle, items) -> {
            List<GroupCommit.Outcome<Long>> outcomes = new ArrayList<>();
            for (Item item : items) {
                if (item.key().equals(hold)) {
                    holding.countDown();
                    await(release);
                }
                if (item.refuse()) {
                    outcomes.add(GroupCommit.Outcome.refused(DomainException.forbidden("no " + item.key())));
                    continue;
                }
                outcomes.add(GroupCommit.Outcome.written(handle.createQuery(
                                "INSERT INTO group_commit_items (run, key) VALUES (:run, :key) RETURNING tx")
                        .bind("run", item.run()).bind("key", item.key()).mapTo(Long.class).one()));
            }
            return outcomes;
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * One writer, held inside the batch of a first item until {@link #release}: what is submitted meanwhile queues,
     * and is taken as one batch once the writer is free.
     */
    private final class HeldWriter implements AutoCloseable {
        final String run = UUID.randomUUID().toString();
        final MetricRegistry metrics = new MetricRegistry();
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final GroupCommit<Item, Long> commits = new GroupCommit<>("test", jdbi,
                inserting(run + "-first", holding, release), 1, 64, metrics);
        final ExecutorService callers = Executors.newFixedThreadPool(12);
        final CompletableFuture<Long> first;
        final List<CompletableFuture<Long>> queued = new ArrayList<>();

        HeldWriter() {
            commits.start();
            first = CompletableFuture.supplyAsync(() -> commits.submit(new Item(run, run + "-first", false)), callers);
            await(holding);
        }

        void queue(String key, boolean refuse) {
            Item item = new Item(run, run + "-" + key, refuse);
            queued.add(CompletableFuture.supplyAsync(() -> commits.submit(item), callers));
        }

        /** Lets the writer go once everything queued is waiting in the queue, and waits for the first item. */
        void release() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commits.waiting() < queued.size()) {
                assertThat(System.nanoTime()).as("items queued in time").isLessThan(deadline);
                Thread.sleep(5);
            }
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isPositive();
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            callers.shutdownNow();
            commits.stop();
        }
    }

    @Test
    void itemsWaitingTogetherShareOneTransactionAndARefusalIsItsCallersAlone() throws Exception {
        try (HeldWriter held = new HeldWriter()) {
            for (int i = 0; i < 10; i++) {
                held.queue(String.valueOf(i), i == 3);
            }
            held.release();

            List<Long> transactions = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                if (i == 3) {
                    CompletableFuture<Long> refused = held.queued.get(i);
                    assertThatThrownBy(refused::join).hasCauseInstanceOf(DomainException.class)
                            .hasMessageContaining("no " + held.run + "-3");
                } else {
                    transactions.add(held.queued.get(i).get(10, TimeUnit.SECONDS));
                }
            }
            assertThat(transactions).as("the nine queued items were written in one transaction").hasSize(9)
                    .containsOnly(transactions.get(0));
            assertThat(rows(held.run)).as("everything but the refused item").hasSize(10)
                    .doesNotContainKey(held.run + "-3");
            assertThat(held.metrics.histogram(MetricRegistry.name(GroupCommit.class, "test", "batch-size"))
                    .getSnapshot().getMax()).isEqualTo(10);
        }
    }

    @Test
    void aBatchThatFailsBeforeItsCommitIsWrittenItemByItem() throws Exception {
        try (HeldWriter held = new HeldWriter()) {
            // Two items with the same key in one batch: its second INSERT fails, and with it the whole batch.
            held.queue("a", false);
            held.queue("same", false);
            held.queue("same", false);
            held.release();

            long a = held.queued.get(0).get(10, TimeUnit.SECONDS);
            List<Throwable> failures = new ArrayList<>();
            List<Long> written = new ArrayList<>();
            for (CompletableFuture<Long> same : held.queued.subList(1, 3)) {
                try {
                    written.add(same.get(10, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(written).as("one of the two 'same' items is written, alone").hasSize(1);
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).hasMessageContaining("duplicate key");
            assertThat(written.get(0)).as("written again alone, in a transaction of its own").isNotEqualTo(a);
            assertThat(rows(held.run)).containsOnlyKeys(held.run + "-first", held.run + "-a", held.run + "-same");
        }
    }

    @Test
    void anItemSubmittedWhenNotRunningIsWrittenByItsCaller() throws Exception {
        String run = UUID.randomUUID().toString();
        GroupCommit<Item, Long> commits = new GroupCommit<>("test", jdbi,
                inserting("none", new CountDownLatch(1), new CountDownLatch(0)), 1, 64, new MetricRegistry());
        assertThat(commits.submit(new Item(run, run + "-before", false))).isPositive();
        commits.start();
        commits.stop();
        assertThat(commits.submit(new Item(run, run + "-after", false))).isPositive();
        assertThatThrownBy(() -> commits.submit(new Item(run, run + "-refused", true)))
                .isInstanceOf(DomainException.class);
        assertThat(rows(run)).containsOnlyKeys(run + "-before", run + "-after");
    }

    @Test
    void manyCallersAtOnceEachGetTheirOwnItemsFateAndNothingIsLeftWaiting() throws Exception {
        String run = UUID.randomUUID().toString();
        MetricRegistry metrics = new MetricRegistry();
        GroupCommit<Item, Long> commits = new GroupCommit<>("test", jdbi,
                inserting("none", new CountDownLatch(1), new CountDownLatch(0)), 2, 8, metrics);
        commits.start();
        int callers = 16;
        int each = 60;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<List<String>>> refusedByCaller = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                refusedByCaller.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    List<String> refused = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String key = run + "-" + caller + "-" + i;
                        boolean refuse = i % 7 == 3;
                        try {
                            assertThat(commits.submit(new Item(run, key, refuse))).isPositive();
                            assertThat(refuse).as("%s was written", key).isFalse();
                        } catch (DomainException e) {
                            assertThat(e).hasMessageContaining("no " + key);
                            refused.add(key);
                        }
                    }
                    return refused;
                }, pool));
            }
            go.countDown();
            List<String> refused = new ArrayList<>();
            for (CompletableFuture<List<String>> one : refusedByCaller) {
                refused.addAll(one.get(60, TimeUnit.SECONDS));
            }
            int refusedEach = (int) IntStream.range(0, each).filter(i -> i % 7 == 3).count();
            assertThat(refused).hasSize(callers * refusedEach);
            Map<String, Long> rows = rows(run);
            assertThat(rows).hasSize(callers * (each - refusedEach)).doesNotContainKeys(refused.toArray(String[]::new));
            assertThat(commits.waiting()).isZero();
            assertThat(metrics.histogram(MetricRegistry.name(GroupCommit.class, "test", "batch-size")).getSnapshot()
                    .getMax()).as("never more than maxBatch in one transaction").isLessThanOrEqualTo(8);
        } finally {
            pool.shutdownNow();
            commits.stop();
        }
    }

    private Map<String, Long> rows(String run) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT key, tx FROM group_commit_items WHERE run = :run")
                .bind("run", run)
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getLong("tx")))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
