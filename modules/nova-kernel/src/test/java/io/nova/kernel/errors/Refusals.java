package io.nova.kernel.errors;

import java.time.Duration;
import java.util.Map;

/** One refusal of every kind, as domain code would throw it; the HTTP and gRPC tests send each of them. */
public final class Refusals {

    private Refusals() {
    }

    public static DomainException of(ErrorKind kind) {
        DomainException refusal = DomainException.of(kind, "probe_" + kind.name().toLowerCase(java.util.Locale.ROOT),
                "Refused as " + kind, Map.of("field", "probe", "limit", 7));
        return kind == ErrorKind.RATE_LIMITED ? refusal.retryAfter(Duration.ofSeconds(9)) : refusal;
    }
}
