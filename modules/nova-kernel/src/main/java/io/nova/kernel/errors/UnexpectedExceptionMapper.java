package io.nova.kernel.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/** Anything else is our fault: log it with a reference the caller can quote, and send no internals. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", reference, exception);
        return ErrorResponses.of(500, new ApiError("internal_error",
                "Something went wrong on our side; quote reference " + reference + " if you report it",
                Map.of("reference", reference)));
    }
}
