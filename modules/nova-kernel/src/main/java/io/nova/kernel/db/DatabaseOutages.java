package io.nova.kernel.db;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.DomainExceptionMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * No database connection to be had — PostgreSQL restarting, or every pooled connection busy for longer than the
 * pool's wait (overload) — is an outage of a dependency: {@code 503 dependency_unavailable} with {@code Retry-After}
 * (gRPC: UNAVAILABLE), never a 500. Nothing was acknowledged: the client retries, with its Idempotency-Key where
 * the endpoint takes one.
 */
public final class DatabaseOutages implements ExceptionMapper<ConnectionException> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutages.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DomainExceptionMapper domainErrors = new DomainExceptionMapper();

    /** The domain error the failure stands for (logged here, without its stack: the cause is outside). */
    public static DomainException asDomainError(ConnectionException failure) {
        LOG.warn("No database connection: {}", failure.getCause() == null ? failure : failure.getCause().toString());
        return DomainException.unavailable("dependency_unavailable", "the database did not answer; retry shortly")
                .retryAfter(RETRY_AFTER);
    }

    @Override
    public Response toResponse(ConnectionException failure) {
        return domainErrors.toResponse(asDomainError(failure));
    }
}
