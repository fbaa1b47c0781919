package io.nova.local.drill;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load a drill runs under: an open-loop stream at a fixed rate of what people do — post (20 %), like (20 %),
 * message (15 %), follow or unfollow (10 %), read the home feed, notifications or a timeline (35 %). A write is sent
 * again, with the same Idempotency-Key, until it is acknowledged, exactly as the API asks an app to do with a 503,
 * a 409 or no answer; what was acknowledged goes into the {@link Ledger}.
 */
final class DrillLoad implements AutoCloseable {

    /** How long a write is retried before it counts as lost to the outage. */
    static final Duration GIVE_UP = Duration.ofSeconds(120);
    private static final long MAX_RETRY_PAUSE_MILLIS = 2_000;

    private final DrillClient client;
    private final Cast cast;
    private final Ledger ledger;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "drill-ticker"));
    private final ExecutorService workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean[] toggling;
    private final AtomicLong lastWriteOk = new AtomicLong(System.nanoTime());
    private volatile long longestWriteGapNanos;

    DrillLoad(DrillClient client, Cast cast, Ledger ledger, int ratePerSecond) {
        this.client = client;
        this.cast = cast;
        this.ledger = ledger;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(64, r -> daemon(r, "drill-load-" + n.incrementAndGet()));
        this.toggling = new AtomicBoolean[cast.members().size()];
        for (int i = 0; i < toggling.length; i++) {
            toggling[i] = new AtomicBoolean();
        }
        long period = 1_000_000_000L / ratePerSecond;
        ticker.scheduleAtFixedRate(() -> {
            sent.incrementAndGet();
            inFlight.incrementAndGet();
            workers.execute(() -> {
                try {
                    act();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }, period, period, TimeUnit.NANOSECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void act() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int who = random.nextInt(cast.members().size());
        Cast.Member me = cast.member(who);
        int dice = random.nextInt(100);
        if (dice < 20) {
            String text = "drill post " + UUID.randomUUID();
            DrillClient.Answer answer = write("post", () -> client.post("/api/v1/posts", me.token(),
                    Map.of("text", text), "drill-" + UUID.randomUUID()));
            if (answer != null) {
                ledger.posted(answer.body().path("id").asText(), who);
            }
        } else if (dice < 40) {
            Ledger.Post post = ledger.somePost(random.nextInt());
            if (post == null || post.author() == who) {
                return;
            }
            if (write("like", () -> client.put("/api/v1/posts/" + post.id() + "/like", me.token())) != null) {
                ledger.liked(post.id(), who);
            }
        } else if (dice < 55 && cast.inConversation(who)) {
            String conversation = cast.conversationOf(who);
            String key = "drill-" + UUID.randomUUID();
            DrillClient.Answer answer = write("message", () -> client.post(
                    "/api/v1/conversations/" + conversation + "/messages", me.token(),
                    Map.of("text", "drill message " + key), key));
            if (answer != null) {
                ledger.sent(conversation, answer.body().path("id").asText());
            }
        } else if (dice < 65) {
            toggle(who, me);
        } else {
            read(random.nextInt(3), me, random);
        }
    }

    /** One member's toggles run one at a time, so the last acknowledged one is the state to expect. */
    private void toggle(int who, Cast.Member me) {
        if (!toggling[who].compareAndSet(false, true)) {
            return;
        }
        try {
            boolean follow = ThreadLocalRandom.current().nextBoolean();
            String path = "/api/v1/relationships/following/" + cast.togglePartner(who).id();
            if (write("toggle", () -> follow ? client.put(path, me.token()) : client.delete(path, me.token()))
                    != null) {
                ledger.toggled(who, follow);
            }
        } finally {
            toggling[who].set(false);
        }
    }

    private void read(int kind, Cast.Member me, ThreadLocalRandom random) {
        switch (kind) {
            case 0 -> client.get("/api/v1/feed?limit=10", me.token());
            case 1 -> client.get("/api/v1/notifications?limit=10", me.token());
            default -> client.get("/api/v1/posts?limit=10&author="
                    + cast.member(random.nextInt(cast.members().size())).id(), me.token());
        }
    }

    /** Sends until acknowledged; null (and a refusal in the ledger) when refused or never acknowledged. */
    private DrillClient.Answer write(String what, Supplier<DrillClient.Answer> request) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            DrillClient.Answer answer = request.get();
            if (answer.ok()) {
                long now = System.nanoTime();
                long gap = now - lastWriteOk.getAndSet(now);
                if (gap > longestWriteGapNanos) {
                    longestWriteGapNanos = gap;
                }
                return answer;
            }
            if (!answer.retryable()) {
                ledger.refused(what + " → " + answer.status() + " " + answer.excerpt());
                return null;
            }
            if (System.nanoTime() > deadline) {
                ledger.refused(what + " never acknowledged in " + GIVE_UP.toSeconds() + " s; last "
                        + answer.status() + " " + answer.excerpt());
                return null;
            }
            pause(answer);
        }
    }

    private static void pause(DrillClient.Answer answer) {
        long millis = answer.retryAfter().map(DrillLoad::seconds).map(s -> s * 1_000).orElse(250L);
        try {
            Thread.sleep(Math.max(50, Math.min(millis, MAX_RETRY_PAUSE_MILLIS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    long sent() {
        return sent.get();
    }

    /** The longest time no write was acknowledged: how long the outage was felt. */
    Duration longestWriteGap() {
        return Duration.ofNanos(longestWriteGapNanos);
    }

    void resetGap() {
        lastWriteOk.set(System.nanoTime());
        longestWriteGapNanos = 0;
    }

    /** Stops sending, then waits for every write in flight to be acknowledged or given up. */
    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
