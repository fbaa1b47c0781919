package io.nova.content.grpc;

import io.nova.kernel.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A dependency that did not answer: a 503 the client may retry, logged since it is an outage, not a bad request. */
final class Unavailable {

    private static final Logger LOG = LoggerFactory.getLogger(Unavailable.class);

    private Unavailable() {
    }

    static DomainException of(String service, Throwable cause) {
        LOG.warn("{} did not answer: {}", service, String.valueOf(cause));
        return DomainException.unavailable("dependency_unavailable", service + " did not answer; retry shortly");
    }
}
