package io.nova.messaging.core.realtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Gathers small pieces of best-effort work offered from many threads and hands them over together, one list at most
 * every {@code delay}: a thousand Redis commands a second become a few dozen pipelined batches. What is offered
 * is handed over once; what is waiting when the process dies is lost, so only work whose loss is harmless belongs
 * here.
 */
final class Coalescer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Coalescer.class);

    private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private final long delayNanos;
    private final Consumer<List<T>> work;

    Coalescer(String name, Duration delay, Consumer<List<T>> work) {
        this.delayNanos = delay.toNanos();
        this.work = work;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void offer(T item) {
        waiting.add(item);
        if (scheduled.compareAndSet(false, true)) {
            timer.schedule(this::handOver, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void handOver() {
        // Cleared before taking: an item offered from here on schedules the next hand-over itself.
        scheduled.set(false);
        List<T> items = new ArrayList<>();
        for (T item = waiting.poll(); item != null; item = waiting.poll()) {
            items.add(item);
        }
        if (items.isEmpty()) {
            return;
        }
        try {
            work.accept(items);
        } catch (RuntimeException e) {
            LOG.debug("Dropped {} coalesced item(s): {}", items.size(), e.toString());
        }
    }
}
