package io.nova.kernel;

import io.nova.kernel.KernelPart;
import java.util.EnumSet;
import java.util.Set;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.config.NovaConfiguration;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.concurrent.atomic.AtomicBoolean;

/** A minimal Nova service: one dependency check the test can fail, and a request that takes as long as asked. */
public final class KernelTestApplication extends NovaApplication<NovaConfiguration> {

    static final AtomicBoolean DEPENDENCY_HEALTHY = new AtomicBoolean(true);
    /** The running application's context, for tests that revoke tokens or write outbox events. */
    static volatile ServiceContext context;

    /** The kernel tests exercise the database and the outbox relay. */
    @Override
    protected Set<KernelPart> parts() {
        return EnumSet.of(KernelPart.DATABASE, KernelPart.OUTBOX);
    }

    @Override
    protected void runService(NovaConfiguration configuration, Environment environment, ServiceContext context) {
        environment.healthChecks().register("dependency", new HealthCheck() {
            @Override
            protected Result check() {
                return DEPENDENCY_HEALTHY.get() ? Result.healthy() : Result.unhealthy("connection refused by 10.9.8.7");
            }
        });
        environment.jersey().register(new SlowResource());
        environment.jersey().register(new ProbeResource());
        environment.jersey().register(new CreateProbeResource(context.idempotency()));
        KernelTestApplication.context = context;
    }

    @Path("/slow")
    public static final class SlowResource {
        @GET
        public String slow(@QueryParam("ms") long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "done";
        }
    }
}
