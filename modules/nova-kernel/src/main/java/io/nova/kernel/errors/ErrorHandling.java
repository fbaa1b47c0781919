package io.nova.kernel.errors;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
import io.nova.kernel.http.Lingering;
import io.nova.kernel.http.UnreadBodyCloseFilter;
import jakarta.servlet.DispatcherType;

import java.util.EnumSet;

/** Installs Nova's error format for everything the application port can reject. */
public final class ErrorHandling {

    private ErrorHandling() {
    }

    public static void install(Environment environment, long maxRequestBodyBytes) {
        environment.jersey().register(new DomainExceptionMapper());
        environment.jersey().register(new JsonBodyExceptionMapper());
        environment.jersey().register(new ValidationExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
        environment.jersey().register(new ParameterTextFilter());
        // A client that hangs up mid-request is not a server error worth a stack trace.
        environment.jersey().register(new EarlyEofExceptionMapper());
        long lingerLimit = Lingering.limitBytes(maxRequestBodyBytes);
        JsonErrorHandler jettyErrors = new JsonErrorHandler(environment.getObjectMapper(), lingerLimit);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        // Before the body limit, so that every early answer below it, the limit's 413 included, closes a half-read
        // connection and lingers. Appended ("match after" true) in this order: with false each would be put in
        // front of those before it, and the limit ran first, outside this filter.
        environment.servlets()
                .addFilter("unread-body-close", new UnreadBodyCloseFilter(lingerLimit))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets()
                .addFilter("request-body-limit",
                        new RequestBodyLimitFilter(maxRequestBodyBytes, environment.getObjectMapper()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
