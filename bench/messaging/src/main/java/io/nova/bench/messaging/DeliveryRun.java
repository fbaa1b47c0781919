package io.nova.bench.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Messages at a fixed rate into direct conversations, each measured from its intended send time until the other
 * member's socket receives {@code message.created}. Sends never wait for answers, so when Nova stalls the schedule
 * keeps going and the stall shows in the latencies instead of slowing the load (coordinated omission).
 */
final class DeliveryRun {

    private static final String PREFIX = "bench ";

    private final NovaApi api;
    /** Against bench/floor's messaging floor instead of Nova (the same sends, sockets and measure). */
    private final boolean floor;
    private final int pairs;
    private final int rate;
    private final long warmupMessages;
    private final long measuredMessages;
    private final AtomicLongArray intended;
    private final AtomicIntegerArray received;
    private final Recorder latency = new Recorder(3);
    /** Every delivery, warm-up included, reported each {@link #TIMELINE_SECONDS}: a stall shows apart from a queue. */
    private final Recorder timeline = new Recorder(3);
    private static final int TIMELINE_SECONDS = 10;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    DeliveryRun(NovaApi api, int pairs, int rate, int warmupSeconds, int seconds, boolean floor) {
        this.api = api;
        this.floor = floor;
        this.pairs = pairs;
        this.rate = rate;
        this.warmupMessages = (long) rate * warmupSeconds;
        this.measuredMessages = (long) rate * seconds;
        this.intended = new AtomicLongArray(Math.toIntExact(warmupMessages + measuredMessages));
        this.received = new AtomicIntegerArray(intended.length());
    }

    void run() throws Exception {
        List<NovaApi.Account> accounts;
        List<String> conversations;
        if (floor) {
            // bench/floor's messaging floor: its setup makes the pairs; a user's bearer is its id.
            System.out.printf("== %d direct conversations on the floor%n", pairs);
            accounts = new ArrayList<>();
            conversations = new ArrayList<>();
            for (JsonNode pair : api.floorSetup(pairs)) {
                accounts.add(new NovaApi.Account(pair.path("a").asText(), pair.path("a").asText()));
                accounts.add(new NovaApi.Account(pair.path("b").asText(), pair.path("b").asText()));
                conversations.add(pair.path("conversation").asText());
            }
        } else {
            System.out.printf("== %d users, %d direct conversations%n", pairs * 2, pairs);
            accounts = Setup.accounts(api, pairs * 2);
            List<Callable<String>> creates = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                NovaApi.Account a = accounts.get(2 * p);
                NovaApi.Account b = accounts.get(2 * p + 1);
                creates.add(() -> api.directConversation(a, b));
            }
            conversations = Setup.all(creates);
        }

        System.out.printf("== opening %d sockets on %s%n", accounts.size(), Setup.socketUri(api.messagingBase()));
        List<CompletableFuture<Socket>> opening = new ArrayList<>();
        for (int u = 0; u < accounts.size(); u++) {
            int owner = u;
            opening.add(Socket.open(api.http(), Setup.socketUri(api.messagingBase()), accounts.get(u).token(),
                    frame -> onFrame(owner, frame)));
        }
        List<Socket> sockets = opening.stream().map(CompletableFuture::join).toList();
        ScheduledExecutorService heartbeat = Setup.heartbeat(sockets);
        long began = System.nanoTime();
        heartbeat.scheduleAtFixedRate(() -> {
            Histogram h = timeline.getIntervalHistogram();
            System.out.printf("  [%4d s] received %6d  p50 %8.2f  p99 %8.2f  max %8.2f ms%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), h.getTotalCount(), ms(h, 50),
                    ms(h, 99), h.getMaxValue() / 1000.0);
        }, TIMELINE_SECONDS, TIMELINE_SECONDS, TimeUnit.SECONDS);

        System.out.printf("== %d s warm-up, then %d s measured at %d messages/s%n",
                warmupMessages / rate, measuredMessages / rate, rate);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < intended.length(); i++) {
            if (i == warmupMessages) {
                latency.reset();
            }
            long due = start + i * period;
            intended.set(i, due);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int pair = i % pairs;
            int sender = senderOf(i);
            api.send(accounts.get(sender), conversations.get(pair), PREFIX + i)
                    .whenComplete((response, error) -> {
                        if (error != null && firstError.compareAndSet(null, error)) {
                            System.err.println("bench: the first failed send: " + error);
                        }
                        count(error == null ? response : -1);
                    });
        }
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + TimeUnit.SECONDS.toNanos(15);
        while (missing() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        report(sockets, (sendEnd - start) / 1e9);
        heartbeat.shutdownNow();
        sockets.forEach(Socket::close);
    }

    /** Members of pair p are users 2p and 2p+1; they take turns sending. */
    private int senderOf(int i) {
        int pair = i % pairs;
        return 2 * pair + (i / pairs) % 2;
    }

    private void onFrame(int owner, JsonNode frame) {
        if (!"message.created".equals(frame.path("type").asText())) {
            return;
        }
        String text = frame.path("data").path("text").asText("");
        if (!text.startsWith(PREFIX)) {
            return;
        }
        int i = Integer.parseInt(text.substring(PREFIX.length()));
        if (owner == senderOf(i)) {
            return; // the sender's own socket hears its message too; the measure is the other member's
        }
        long micros = Math.max(0, System.nanoTime() - intended.get(i)) / 1_000;
        if (received.getAndIncrement(i) == 0) {
            timeline.recordValue(micros);
            if (i >= warmupMessages) {
                latency.recordValue(micros);
            }
        }
    }

    private synchronized void count(int status) {
        statuses.merge(status, 1, Integer::sum);
    }

    private long missing() {
        long missing = 0;
        for (int i = 0; i < intended.length(); i++) {
            if (received.get(i) == 0) {
                missing++;
            }
        }
        return missing;
    }

    private void report(List<Socket> sockets, double sendSeconds) {
        Histogram h = latency.getIntervalHistogram();
        long duplicates = 0;
        for (int i = 0; i < intended.length(); i++) {
            duplicates += Math.max(0, received.get(i) - 1);
        }
        long closed = sockets.stream().filter(s -> !s.isOpen()).count();
        System.out.printf("sent %d messages in %.1f s (%.0f/s offered); HTTP statuses %s%n",
                intended.length(), sendSeconds, intended.length() / sendSeconds, statuses);
        System.out.printf("delivered to the other member: %d of %d measured, missing %d (all phases), duplicates %d,"
                + " sockets closed by the server %d%n", h.getTotalCount(), measuredMessages, missing(), duplicates, closed);
        System.out.printf("send-to-receive latency (ms, from intended send time): p50 %.2f  p90 %.2f  p99 %.2f"
                        + "  p99.9 %.2f  max %.2f%n", ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9),
                h.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
