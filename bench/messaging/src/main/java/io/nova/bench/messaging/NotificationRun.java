package io.nova.bench.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/notifications: likes at a fixed rate on the posts of connected owners, each measured from its intended
 * send time until the owner's socket receives the notification frame it makes. Open-loop like {@link DeliveryRun}.
 *
 * <p>Each like makes exactly one frame: {@code notification.created} for the first like of a post in the grouping
 * window, {@code notification.updated} for every later one (the group grew); the frame's newest actor
 * ({@code actor_ids[0]}) tells which like it is. Like i is liker {@code i / owners} on post {@code i % owners}, so
 * no like repeats (which would make no frame) as long as there are enough likers.
 */
final class NotificationRun {

    private final NovaApi api;
    private final int owners;
    private final int likers;
    private final int rate;
    private final long warmupLikes;
    private final long measuredLikes;
    private final Map<String, Long> intended = new ConcurrentHashMap<>();
    private final Map<String, Integer> frames = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();
    private final Recorder latency = new Recorder(3);
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private volatile long measureFrom = Long.MAX_VALUE;

    NotificationRun(NovaApi api, int owners, int likers, int rate, int warmupSeconds, int seconds) {
        this.api = api;
        this.owners = owners;
        this.rate = rate;
        this.warmupLikes = (long) rate * warmupSeconds;
        this.measuredLikes = (long) rate * seconds;
        this.likers = Math.max(likers, (int) ((warmupLikes + measuredLikes + owners - 1) / owners));
    }

    void run() throws Exception {
        System.out.printf("== %d owners (one post each, a socket each), %d likers%n", owners, likers);
        List<NovaApi.Account> accounts = Setup.accounts(api, owners + likers);
        List<NovaApi.Account> ownerAccounts = accounts.subList(0, owners);
        List<NovaApi.Account> likerAccounts = accounts.subList(owners, accounts.size());
        List<Callable<String>> posting = new ArrayList<>();
        ownerAccounts.forEach(owner -> posting.add(() -> api.post(owner, "bench notifications")));
        List<String> posts = Setup.all(posting);
        Map<String, Integer> postIndex = new HashMap<>();
        for (int p = 0; p < posts.size(); p++) {
            postIndex.put(posts.get(p), p);
        }
        Map<String, Integer> likerIndex = new HashMap<>();
        for (int l = 0; l < likerAccounts.size(); l++) {
            likerIndex.put(likerAccounts.get(l).id(), l);
        }

        System.out.printf("== opening %d sockets on %s%n", owners, Setup.socketUri(api.base()));
        List<CompletableFuture<Socket>> opening = new ArrayList<>();
        for (NovaApi.Account owner : ownerAccounts) {
            opening.add(Socket.open(api.http(), Setup.socketUri(api.base()), owner.token(),
                    frame -> onFrame(frame, postIndex, likerIndex)));
        }
        List<Socket> sockets = opening.stream().map(CompletableFuture::join).toList();
        sockets.forEach(Socket::resumeFromNow);
        ScheduledExecutorService heartbeat = Setup.heartbeat(sockets);

        long total = warmupLikes + measuredLikes;
        System.out.printf("== %d s warm-up, then %d s measured at %d likes/s%n", warmupLikes / rate,
                measuredLikes / rate, rate);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            if (i == warmupLikes) {
                measureFrom = due;
                latency.reset();
            }
            int post = (int) (i % owners);
            int liker = (int) (i / owners);
            intended.put(key(post, liker), due);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            api.like(likerAccounts.get(liker), posts.get(post))
                    .whenComplete((response, error) -> count(error == null ? response.statusCode() : -1));
        }
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + TimeUnit.SECONDS.toNanos(15);
        while (frames.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        report(sockets, total, (sendEnd - start) / 1e9);
        heartbeat.shutdownNow();
        sockets.forEach(Socket::close);
    }

    private void onFrame(JsonNode frame, Map<String, Integer> postIndex, Map<String, Integer> likerIndex) {
        String type = frame.path("type").asText();
        if (!type.equals("notification.created") && !type.equals("notification.updated")) {
            return;
        }
        JsonNode data = frame.path("data");
        Integer post = postIndex.get(data.path("target").path("post_id").asText());
        Integer liker = likerIndex.get(data.path("actor_ids").path(0).asText());
        if (post == null || liker == null) {
            return;
        }
        long now = System.nanoTime();
        String key = key(post, liker);
        Long due = intended.get(key);
        if (frames.merge(key, 1, Integer::sum) == 1 && due != null && due >= measureFrom) {
            latency.recordValue(Math.max(0, now - due) / 1_000);
        }
        if (type.equals("notification.created")) {
            created.incrementAndGet();
        }
    }

    private static String key(int post, int liker) {
        return post + ":" + liker;
    }

    private synchronized void count(int status) {
        statuses.merge(status, 1, Integer::sum);
    }

    private void report(List<Socket> sockets, long total, double sendSeconds) {
        Histogram h = latency.getIntervalHistogram();
        long duplicates = frames.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        long closed = sockets.stream().filter(s -> !s.isOpen()).count();
        System.out.printf("sent %d likes in %.1f s (%.0f/s offered); HTTP statuses %s%n", total, sendSeconds,
                total / sendSeconds, statuses);
        System.out.printf("frames on the owners' sockets: %d measured of %d, missing %d (all phases), duplicates %d,"
                        + " notification.created %d, sockets closed by the server %d%n", h.getTotalCount(),
                measuredLikes, total - frames.size(), duplicates, created.get(), closed);
        System.out.printf("like-to-frame latency (ms, from intended send time): p50 %.2f  p90 %.2f  p99 %.2f"
                        + "  p99.9 %.2f  max %.2f%n", ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9),
                h.getMaxValue() / 1000.0);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
