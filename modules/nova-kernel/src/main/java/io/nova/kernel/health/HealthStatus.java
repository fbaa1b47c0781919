package io.nova.kernel.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** The body of every health endpoint: UP, DOWN or DRAINING, and, for readiness, each dependency check by name. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HealthStatus(String status, String service, Map<String, String> checks) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String DRAINING = "DRAINING";

    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
