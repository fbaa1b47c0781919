package io.nova.local.drill;

import io.nova.local.LocalPlatform;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs drills one after the other against one platform: a steady lead under load, the fault, a tail under load while
 * the platform recovers, then the load stops and the {@link Verifier} checks what was acknowledged. The same cast
 * (signed up once, before any fault) plays every drill.
 */
public final class DrillRun implements AutoCloseable {

    /** Members 0–3 (two conversations, both sides) hold a realtime socket through every drill. */
    static final int WATCHED = 4;

    /** How a run is paced. {@code outage}: how long Kafka stays down or Redis stays paused. */
    public record Settings(int rate, int castSize, Duration lead, Duration outage, Duration tail, Duration settle) {

        public static Settings standard() {
            return new Settings(20, 30, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(20),
                    Duration.ofSeconds(90));
        }

        /** The Redis stall the issue names: 5 s; Kafka's outage stays as configured. */
        Duration outageOf(Fault fault) {
            return switch (fault) {
                case KAFKA_STOP -> outage;
                case REDIS_PAUSE -> Duration.ofSeconds(5);
                case REPLICA_KILL -> Duration.ofSeconds(10);
                default -> Duration.ZERO;
            };
        }
    }

    private final LocalPlatform platform;
    private final Settings settings;
    private final Tally setupTally = new Tally();
    private final URI gateway;
    private final Consumer<String> status;
    private Cast cast;
    private final Ledger ledger = new Ledger();
    private final Map<Integer, SocketWatch> sockets = new LinkedHashMap<>();

    public DrillRun(LocalPlatform platform, URI gateway, Settings settings, Consumer<String> status) {
        this.platform = platform;
        this.gateway = gateway;
        this.settings = settings;
        this.status = status;
    }

    DrillResult run(Fault fault) {
        if (cast == null) {
            status.accept("signing up " + settings.castSize() + " people, their follows and conversations …");
            cast = Cast.assemble(new DrillClient(gateway, setupTally), settings.castSize());
            for (int member = 0; member < WATCHED; member++) {
                Cast.Member watched = cast.member(member);
                sockets.put(member, new SocketWatch(gateway, watched::token));
            }
            awaitSockets();
        } else {
            cast.refreshTokens(new DrillClient(gateway, setupTally));
        }
        ledger.nextDrill();
        sockets.values().forEach(SocketWatch::nextDrill);
        int connectionsBefore = sockets.values().stream().mapToInt(SocketWatch::connections).sum();
        Tally tally = new Tally();
        DrillClient client = new DrillClient(gateway, tally);
        Duration outage = settings.outageOf(fault);
        status.accept(fault.command() + ": " + settings.rate() + " req/s for " + settings.lead().toSeconds()
                + " s, then " + fault.description() + (outage.isZero() ? "" : " (" + outage.toSeconds() + " s)")
                + ", then " + settings.tail().toSeconds() + " s more");
        DrillLoad load = new DrillLoad(client, cast, ledger, settings.rate());
        try {
            sleep(settings.lead());
            load.resetGap();
            fault.inject(platform, outage);
            sleep(settings.tail());
        } finally {
            load.close();
        }
        status.accept(fault.command() + ": load stopped after " + load.sent() + " requests; checking what was "
                + "acknowledged …");
        Verifier.Findings findings = new Verifier(new DrillClient(gateway, new Tally()), cast, sockets)
                .check(ledger, settings.settle());
        int reconnects = sockets.values().stream().mapToInt(SocketWatch::connections).sum() - connectionsBefore;
        int resyncs = sockets.values().stream().mapToInt(SocketWatch::resyncs).sum();
        return new DrillResult(fault, outage, settings.rate(), tally.requests(), ledger.acknowledged(),
                tally.unavailable(), tally.cutInFlight(), tally.failures(), ledger.refused(), load.longestWriteGap(),
                reconnects, resyncs, findings, tally.byStatus(), tally.examples(), ledger.refusals());
    }

    /** The first connections are not the drill's doing: wait for them before counting reconnections. */
    private void awaitSockets() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sockets.values().stream().anyMatch(s -> s.connections() == 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the drill's sockets did not connect to /ws in 30 s");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    @Override
    public void close() {
        sockets.values().forEach(SocketWatch::close);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
