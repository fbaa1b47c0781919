package io.nova.kernel.redis;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.DomainExceptionMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Redis down, stalled or out of pooled connections is an outage of a dependency, not a bug: the request gets
 * {@code 503 dependency_unavailable} with {@code Retry-After} (gRPC: UNAVAILABLE with RetryInfo), never a 500.
 * Nothing was acknowledged: the client retries, with its Idempotency-Key where the endpoint takes one. Code that
 * can do without Redis (token revocation, timelines, relationship caches) catches the exception itself; this is
 * for everything else.
 */
public final class RedisOutages implements ExceptionMapper<RedisException> {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOutages.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** The domain error a Redis failure stands for (logged here, without its stack: the cause is outside). */
    public static DomainException asDomainError(RedisException failure) {
        LOG.warn("Redis unavailable: {}", failure.toString());
        return DomainException.unavailable("dependency_unavailable", "a data store did not answer; retry shortly")
                .retryAfter(RETRY_AFTER);
    }

    private final DomainExceptionMapper domainErrors = new DomainExceptionMapper();

    @Override
    public Response toResponse(RedisException failure) {
        return domainErrors.toResponse(asDomainError(failure));
    }
}
