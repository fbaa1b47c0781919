package io.nova.messaging.core.realtime;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/** What an operator watches of the realtime layer; all under {@code io.nova.messaging.realtime.*} in /metrics. */
public final class RealtimeMetrics {

    private static final String BASE = "io.nova.messaging.realtime";

    final Meter framesIn;
    final Meter framesOut;
    final Meter shed;
    final Meter resumes;
    final Meter resyncs;
    final Meter typingDropped;
    final Meter carried;
    final Meter reads;
    final Timer fanOutLag;

    public RealtimeMetrics(MetricRegistry registry, LocalSockets sockets) {
        registry.register(MetricRegistry.name(BASE, "sockets", "open"), (Gauge<Integer>) sockets::count);
        framesIn = registry.meter(MetricRegistry.name(BASE, "frames", "in"));
        framesOut = registry.meter(MetricRegistry.name(BASE, "frames", "out"));
        shed = registry.meter(MetricRegistry.name(BASE, "sockets", "shed"));
        resumes = registry.meter(MetricRegistry.name(BASE, "resumes"));
        resyncs = registry.meter(MetricRegistry.name(BASE, "resyncs"));
        typingDropped = registry.meter(MetricRegistry.name(BASE, "typing", "dropped"));
        // Events a socket took from a wake-up (no read), and the reads of a log: how often the first way works.
        carried = registry.meter(MetricRegistry.name(BASE, "events", "carried"));
        reads = registry.meter(MetricRegistry.name(BASE, "log", "reads"));
        // From the outbox row's commit-time stamp to the event being in every recipient's log.
        fanOutLag = registry.timer(MetricRegistry.name(BASE, "fanout", "lag"));
    }
}
