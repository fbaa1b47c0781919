package io.nova.kernel.db;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.DomainExceptionMapper;
import io.nova.kernel.errors.UnexpectedExceptionMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The database unreachable is an outage of a dependency, not a bug: {@code 503 dependency_unavailable} with
 * {@code Retry-After} (gRPC: UNAVAILABLE), never a 500. That is: no connection to be had (PostgreSQL restarting, or
 * every pooled connection busy for longer than the pool's wait), or a connection that broke under a statement
 * (SQLSTATE class 08, or the server shutting down: 57P01–57P03). The transaction was rolled back, nothing was
 * acknowledged: the client retries, with its Idempotency-Key where the endpoint takes one. Any other database
 * failure is a bug and stays a 500.
 */
public final class DatabaseOutages implements ExceptionMapper<JdbiException> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutages.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private final DomainExceptionMapper domainErrors = new DomainExceptionMapper();
    private final UnexpectedExceptionMapper bugs = new UnexpectedExceptionMapper();

    /** The domain error the failure stands for when it is an outage (logged here, without its stack). */
    public static Optional<DomainException> asOutage(Throwable failure) {
        if (!(failure instanceof JdbiException)) {
            return Optional.empty();
        }
        Optional<String> cause = failure instanceof ConnectionException
                ? Optional.of(String.valueOf(failure.getCause() == null ? failure : failure.getCause()))
                : brokenConnection(failure);
        return cause.map(why -> {
            LOG.warn("Database unavailable: {}", why);
            return DomainException.unavailable("dependency_unavailable", "the database did not answer; retry shortly")
                    .retryAfter(RETRY_AFTER);
        });
    }

    private static Optional<String> brokenConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || OUTAGE_STATES.contains(sql.getSQLState()))) {
                return Optional.of(sql.getSQLState() + " " + sql.getMessage());
            }
        }
        return Optional.empty();
    }

    @Override
    public Response toResponse(JdbiException failure) {
        return asOutage(failure).map(domainErrors::toResponse).orElseGet(() -> bugs.toResponse(failure));
    }
}
