package io.nova.kernel.db;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes what many request threads ask for together: each waiting request becomes one item of a batch, and a batch
 * is one transaction — a handful of statements and one commit for all its items, instead of each its own.
 *
 * <p>Why: at a few hundred writes a second, most of a small write's cost is its round trips and its commit, not its
 * rows (see docs/benchmarks.md, messaging). Batching costs an idle system nothing: a writer takes whatever is
 * waiting the moment it is free, so a lone request is a batch of one and waits for nobody; under load the batches
 * grow by themselves.
 *
 * <p>What each caller sees is its own item's fate: {@link Batch#write} answers an {@link Outcome} per item, and a
 * refused item (not a member, say) is refused alone while the others commit. When the batch itself fails before
 * its commit (a statement error), it is rolled back and each item is written again alone, so one bad item cannot
 * fail the others. A failed commit fails every item: whether it committed is unknown, exactly as for a single
 * request's transaction.
 *
 * <p>Items submitted before {@link #start} or after {@link #stop} are written on the caller's thread, alone.
 */
public final class GroupCommit<I, R> implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Writes a batch of items in the transaction {@code handle} is in. */
    @FunctionalInterface
    public interface Batch<I, R> {

        /**
         * One outcome per item, in the items' order. A refusal must not have written anything for its item; an
         * exception thrown here rolls the whole batch back. A batch of one item is written alone, so for it an
         * exception is simply that item's failure (a refusal may then also be thrown, after writing).
         */
        List<Outcome<R>> write(Handle handle, List<I> items);
    }

    /** An item's fate: written, with its result, or refused, with what its caller is to be told. */
    public sealed interface Outcome<R> {

        static <R> Outcome<R> written(R result) {
            return new Written<>(result);
        }

        static <R> Outcome<R> refused(RuntimeException reason) {
            return new Refused<>(reason);
        }

        record Written<R>(R result) implements Outcome<R> {
        }

        record Refused<R>(RuntimeException reason) implements Outcome<R> {
        }
    }

    private record Pending<I, R>(I item, CompletableFuture<R> done) {
    }

    private final String name;
    private final Jdbi jdbi;
    private final Batch<I, R> batch;
    private final int writers;
    private final int maxBatch;
    private final Histogram sizes;
    private final BlockingQueue<Pending<I, R>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param writers  transactions in flight at once (each holds a pooled connection while it writes)
     * @param maxBatch items in one transaction at most
     */
    public GroupCommit(String name, Jdbi jdbi, Batch<I, R> batch, int writers, int maxBatch, MetricRegistry metrics) {
        this.name = name;
        this.jdbi = jdbi;
        this.batch = batch;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.sizes = metrics.histogram(MetricRegistry.name(GroupCommit.class, name, "batch-size"));
    }

    /** Writes {@code item} in the next batch and returns its result, or throws what refused or failed it. */
    public R submit(I item) {
        Pending<I, R> pending = new Pending<>(item, new CompletableFuture<>());
        if (running) {
            waiting.add(pending);
            if (!running) {
                // stop() may have drained the queue just before this item arrived: whoever takes it first writes it.
                if (waiting.remove(pending)) {
                    writeAlone(pending);
                }
            }
        } else {
            writeAlone(pending);
        }
        try {
            return pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Items waiting for a writer now. */
    int waiting() {
        return waiting.size();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::writeWhileRunning, name + "-group-commit-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Writes what is still waiting, then stops the writers; later items are written by their callers. */
    @Override
    public synchronized void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        threads.clear();
        for (Pending<I, R> left = waiting.poll(); left != null; left = waiting.poll()) {
            writeAlone(left);
        }
    }

    private void writeWhileRunning() {
        List<Pending<I, R>> taken = new ArrayList<>(maxBatch);
        while (running || !waiting.isEmpty()) {
            try {
                Pending<I, R> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                waiting.drainTo(taken, maxBatch - 1);
                sizes.update(taken.size());
                writeTogether(taken);
            } catch (InterruptedException e) {
                // Nothing but the JVM's end interrupts a writer; what it leaves waiting, stop() writes.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // Nothing a batch does may leave its callers waiting forever.
                taken.forEach(pending -> pending.done().completeExceptionally(unexpected));
                LOG.error("Group commit {} failed a batch unexpectedly", name, unexpected);
            } finally {
                taken.clear();
            }
        }
    }

    private void writeTogether(List<Pending<I, R>> pendings) {
        if (pendings.size() == 1) {
            writeAlone(pendings.get(0));
            return;
        }
        List<Outcome<R>> outcomes;
        try (Handle handle = jdbi.open()) {
            handle.begin();
            try {
                outcomes = written(handle, pendings);
            } catch (RuntimeException beforeCommit) {
                handle.rollback();
                LOG.debug("Group commit {}: a batch of {} failed before its commit ({}); writing each alone", name,
                        pendings.size(), beforeCommit.toString());
                pendings.forEach(this::writeAlone);
                return;
            }
            handle.commit();
        } catch (RuntimeException failed) {
            // No connection, a failed rollback, or a failed commit (which may or may not have committed): every
            // item's caller is told, as a single request's would be.
            pendings.forEach(pending -> pending.done().completeExceptionally(failed));
            return;
        }
        settle(pendings, outcomes);
    }

    private void writeAlone(Pending<I, R> pending) {
        List<Pending<I, R>> one = List.of(pending);
        List<Outcome<R>> outcomes;
        try {
            outcomes = jdbi.inTransaction(handle -> written(handle, one));
        } catch (RuntimeException | Error failed) {
            pending.done().completeExceptionally(failed);
            return;
        }
        settle(one, outcomes);
    }

    private List<Outcome<R>> written(Handle handle, List<Pending<I, R>> pendings) {
        List<Outcome<R>> outcomes = batch.write(handle, pendings.stream().map(Pending::item).toList());
        if (outcomes.size() != pendings.size()) {
            throw new IllegalStateException(name + ": " + outcomes.size() + " outcomes for " + pendings.size()
                    + " items");
        }
        return outcomes;
    }

    private static <I, R> void settle(List<Pending<I, R>> pendings, List<Outcome<R>> outcomes) {
        for (int i = 0; i < pendings.size(); i++) {
            CompletableFuture<R> done = pendings.get(i).done();
            if (outcomes.get(i) instanceof Outcome.Written<R> written) {
                done.complete(written.result());
            } else if (outcomes.get(i) instanceof Outcome.Refused<R> refused) {
                done.completeExceptionally(refused.reason());
            }
        }
    }
}
