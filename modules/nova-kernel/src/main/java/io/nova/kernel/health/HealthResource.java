package io.nova.kernel.health;

import com.codahale.metrics.annotation.Timed;
import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The probes Kubernetes calls on the application port. Startup: the service answers HTTP. Liveness: the JVM is
 * not stuck (no deadlocked threads) — never a dependency, so an outage of PostgreSQL does not restart every pod.
 * Readiness: not shutting down, and every registered dependency check passes — except the ones that only degrade
 * the service: they are reported, but a Kafka outage (the outbox holds events until it is back) must not take
 * every pod of every service out of its Service at once.
 */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    /** Dropwizard registers this check itself; it is about this JVM, so it decides liveness. */
    static final String DEADLOCKS = "deadlocks";

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final String service;
    private final HealthCheckRegistry checks;
    private final ServingState serving;
    private final Set<String> degradeOnly;

    public HealthResource(String service, HealthCheckRegistry checks, ServingState serving, Set<String> degradeOnly) {
        this.service = service;
        this.checks = checks;
        this.serving = serving;
        this.degradeOnly = Set.copyOf(degradeOnly);
    }

    @GET
    @Timed
    public Response started() {
        return respond(new HealthStatus(HealthStatus.UP, service, Map.of()));
    }

    @GET
    @Path("/live")
    @Timed
    public Response live() {
        HealthCheck.Result deadlocks = checks.runHealthCheck(DEADLOCKS);
        String status = deadlocks.isHealthy() ? HealthStatus.UP : HealthStatus.DOWN;
        return respond(new HealthStatus(status, service, Map.of(DEADLOCKS, status)));
    }

    @GET
    @Path("/ready")
    @Timed
    public Response ready() {
        if (serving.isDraining()) {
            return respond(new HealthStatus(HealthStatus.DRAINING, service, Map.of()));
        }
        SortedMap<String, String> results = new TreeMap<>();
        boolean allHealthy = true;
        for (Map.Entry<String, HealthCheck.Result> result : checks.runHealthChecks().entrySet()) {
            boolean healthy = result.getValue().isHealthy();
            allHealthy &= healthy || degradeOnly.contains(result.getKey());
            // Only the verdict: a check's message can carry hosts and driver errors that callers need not see.
            results.put(result.getKey(), healthy ? HealthStatus.UP : HealthStatus.DOWN);
        }
        return respond(new HealthStatus(allHealthy ? HealthStatus.UP : HealthStatus.DOWN, service, results));
    }

    private static Response respond(HealthStatus status) {
        return Response.status(status.isUp() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .cacheControl(NO_STORE)
                .entity(status)
                .build();
    }
}
