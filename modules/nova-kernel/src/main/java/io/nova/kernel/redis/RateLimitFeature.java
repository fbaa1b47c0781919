package io.nova.kernel.redis;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
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

        @Context
        private HttpServletRequest servletRequest;

        Filter(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            RateLimiter.Decision decision = limiter.acquire(subject(request));
            request.setProperty(DECISION, decision);
            if (!decision.allowed()) {
                throw io.nova.kernel.errors.DomainException.tooManyRequests(decision.retryAfter().plusMillis(999));
            }
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
                response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
                response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
                response.getHeaders().putSingle("X-RateLimit-Reset", decision.resetEpochSeconds());
            }
        }

        private String subject(ContainerRequestContext request) {
            Principal caller = request.getSecurityContext() == null ? null
                    : request.getSecurityContext().getUserPrincipal();
            if (caller != null) {
                return "user:" + caller.getName();
            }
            // Only the ingress controller and Nova pods can reach a service (NetworkPolicies), so the address
            // the ingress reports is the client's.
            String realIp = request.getHeaderString("X-Real-IP");
            if (realIp != null && !realIp.isBlank()) {
                return "ip:" + realIp.trim();
            }
            String forwarded = request.getHeaderString("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return "ip:" + forwarded.split(",")[0].trim();
            }
            return "ip:" + (servletRequest == null ? "unknown" : servletRequest.getRemoteAddr());
        }
    }
}
