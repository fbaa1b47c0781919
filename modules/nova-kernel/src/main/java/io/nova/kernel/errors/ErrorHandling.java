package io.nova.kernel.errors;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
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
        JsonErrorHandler jettyErrors = new JsonErrorHandler(environment.getObjectMapper(), maxRequestBodyBytes);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        // First, so that every early answer below it, the body limit's 413 included, closes a half-read connection.
        environment.servlets()
                .addFilter("unread-body-close", new UnreadBodyCloseFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.servlets()
                .addFilter("request-body-limit",
                        new RequestBodyLimitFilter(maxRequestBodyBytes, environment.getObjectMapper()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
