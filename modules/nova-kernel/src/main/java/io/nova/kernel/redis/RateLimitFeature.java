package io.nova.kernel.redis;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import io.nova.kernel.http.ClientAddresses;
import org.redisson.api.RedissonClient;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;

/** Applies {@link RateLimited} to the resource methods that carry it. */
public final class RateLimitFeature implements DynamicFeature {

    private static final String DECISION = RateLimitFeature.class.getName() + ".decision";

    private final RedissonClient redis;
    private final Clock clock;

    public RateLimitFeature(RedissonClient redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RateLimited limit = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limit != null) {
            RateLimiter limiter = new RateLimiter(redis, limit.name(), limit.limit(),
                    Duration.ofSeconds(limit.windowSeconds()), clock);
            context.register(new Filter(limiter));
        }
    }

    /** Runs after authentication, so a signed-in caller is limited as themselves. */
    @Priority(Priorities.AUTHORIZATION)
    private static final class Filter implements ContainerRequestFilter, ContainerResponseFilter {

        private final RateLimiter limiter;

        Filter(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            RateLimiter.Decision decision = limiter.acquire(subject(request));
            request.setProperty(DECISION, decision);
            if (!decision.allowed()) {
                throw decision.refusal();
            }
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
                decision.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
            }
        }

        private String subject(ContainerRequestContext request) {
            Principal caller = request.getSecurityContext() == null ? null
                    : request.getSecurityContext().getUserPrincipal();
            if (caller != null) {
                return "user:" + caller.getName();
            }
            // Forwarding headers count only from a trusted proxy (ClientAddresses).
            return "ip:" + ClientAddresses.of(request);
        }
    }
}
