package io.nova.messaging;

import io.dropwizard.core.setup.Environment;
import io.nova.kernel.ServiceContext;
import io.nova.kernel.redis.RateLimiter;
import io.nova.messaging.core.Access;
import io.nova.messaging.core.Announcer;
import io.nova.messaging.core.CallHistory;
import io.nova.messaging.core.CallNews;
import io.nova.messaging.core.CallService;
import io.nova.messaging.core.IceServers;
import io.nova.messaging.core.MissedCalls;
import io.nova.messaging.db.CallStore;
import io.nova.messaging.db.MemberStore;
import io.nova.messaging.resources.CallsResource;

import java.time.Clock;
import java.time.Duration;

/**
 * Builds calls (docs/api-calls.md): the signaling service on the conversations' access rules and announcer, the
 * ring-timeout sweep, the ICE servers, the start limit and {@code /api/v1/calls}.
 */
final class CallsWiring {

    private CallsWiring() {
    }

    static void install(CallsConfig config, Environment environment, ServiceContext context, Access access,
                        MemberStore members, Announcer announcer) {
        CallStore store = new CallStore();
        CallNews news = new CallNews(announcer);
        CallService calls = new CallService(context.jdbi(), store, members, access, news,
                config.getRingTimeout().toJavaDuration());
        environment.lifecycle().manage(new FixedDelayWork("missed-call-sweeps",
                config.getSweepInterval().toJavaDuration(), new MissedCalls(context.jdbi(), store, news)::sweep,
                "{} unanswered calls ended as missed"));
        IceServers iceServers = new IceServers(config.stunUrls(), config.turnUrls(), config.getTurnSecret(),
                config.getTurnCredentialTtl().toJavaDuration(), Clock.systemUTC());
        RateLimiter starts = new RateLimiter(context.redis(), "call-start", config.getStartsPerMinute(),
                Duration.ofMinutes(1), Clock.systemUTC());
        environment.jersey().register(new CallsResource(calls, new CallHistory(context.jdbi(), store, calls),
                iceServers, starts, context.idempotency()));
    }
}
