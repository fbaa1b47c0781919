package io.nova.messaging;

import io.dropwizard.core.setup.Environment;
import io.nova.contracts.Topics;
import io.nova.kernel.ServiceContext;
import io.nova.messaging.core.realtime.ConversationAudience;
import io.nova.messaging.core.realtime.FanOut;
import io.nova.messaging.core.realtime.Heartbeats;
import io.nova.messaging.core.realtime.LocalSockets;
import io.nova.messaging.core.realtime.MissedMessages;
import io.nova.messaging.core.realtime.Presence;
import io.nova.messaging.core.realtime.Realtime;
import io.nova.messaging.core.realtime.RealtimeMetrics;
import io.nova.messaging.core.realtime.RealtimeSettings;
import io.nova.messaging.core.realtime.RealtimeSignals;
import io.nova.messaging.core.realtime.ReplayLog;
import io.nova.messaging.resources.realtime.CloseSocketsOnStop;
import io.nova.messaging.resources.realtime.SocketServlet;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;

import java.util.List;

/**
 * Builds the realtime layer (docs/api-realtime.md): the fan-out consumer from the messaging events to the users'
 * replay logs, the pub/sub between replicas, the heartbeats, and {@code GET /ws} on the application port.
 */
final class RealtimeWiring {

    /** Events read from a log per Redis round trip. */
    private static final int READ_BATCH = 100;
    /** Heartbeat intervals a socket keeps counting as connected after its last refresh. */
    private static final int PRESENCE_HEARTBEATS = 3;

    private RealtimeWiring() {
    }

    /**
     * Who is connected, shared by the sockets and the notifications: a socket counts for a few heartbeat
     * intervals after its last heartbeat, so a replica that vanishes stops counting soon.
     */
    static Presence presence(RealtimeConfig config, Environment environment, ServiceContext context) {
        return new Presence(context.redis(), config.getKeyPrefix(),
                config.getHeartbeatInterval().toJavaDuration().multipliedBy(PRESENCE_HEARTBEATS),
                environment.getObjectMapper());
    }

    static Realtime install(RealtimeConfig config, Environment environment, ServiceContext context,
                            ConversationAudience audience, Presence presence, MissedMessages missed) {
        RealtimeSettings settings = new RealtimeSettings(config.getHeartbeatInterval().toJavaDuration(),
                config.getSendQueueFrames(), config.getSendStallTimeout().toJavaDuration(),
                config.getInboundFramesPerSecond(), config.getInboundBurst(), READ_BATCH);
        LocalSockets sockets = new LocalSockets();
        ReplayLog log = new ReplayLog(context.redis(), config.getKeyPrefix(), config.getReplayLength());
        RealtimeSignals signals = new RealtimeSignals(context.redis(), config.getKeyPrefix(), sockets);
        RealtimeMetrics metrics = new RealtimeMetrics(environment.metrics(), sockets);
        Realtime realtime = new Realtime(settings, log, signals, sockets, audience, context.accessTokens(),
                environment.getObjectMapper(), metrics, presence, missed, config.getDeliveryThreads());

        environment.lifecycle().manage(realtime);
        environment.lifecycle().manage(signals);
        environment.lifecycle().manage(new Heartbeats(sockets, settings.heartbeatInterval()));
        context.consume(config.getFanOutConsumer(), List.of(Topics.MESSAGING_EVENTS), new FanOut(log, signals, metrics));
        environment.lifecycle().addEventListener(new CloseSocketsOnStop(sockets,
                config.getCloseWait().toJavaDuration()));

        int maxFrameBytes = (int) config.getMaxFrameSize().toBytes();
        JakartaWebSocketServletContainerInitializer.configure(environment.getApplicationContext(),
                (servletContext, container) -> container.setDefaultMaxTextMessageBufferSize(maxFrameBytes));
        environment.servlets().addServlet("realtime-socket", new SocketServlet(realtime, context.accessTokens(),
                environment.getObjectMapper(), maxFrameBytes)).addMapping("/ws");
        return realtime;
    }
}
