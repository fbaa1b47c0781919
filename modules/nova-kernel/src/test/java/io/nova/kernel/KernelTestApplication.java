package io.nova.kernel;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.auth.BearerAuth;
import io.nova.kernel.config.NovaConfiguration;
import io.nova.kernel.grpc.ManagedGrpcServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A minimal Nova service: one dependency check the test can fail, and a request that takes as long as asked. */
public final class KernelTestApplication extends NovaApplication<NovaConfiguration> {

    static final AtomicBoolean DEPENDENCY_HEALTHY = new AtomicBoolean(true);
    static final Set<String> REVOKED = ConcurrentHashMap.newKeySet();

    @Override
    protected void runService(NovaConfiguration configuration, Environment environment, ManagedGrpcServer grpc) {
        environment.healthChecks().register("dependency", new HealthCheck() {
            @Override
            protected Result check() {
                return DEPENDENCY_HEALTHY.get() ? Result.healthy() : Result.unhealthy("connection refused by 10.9.8.7");
            }
        });
        environment.jersey().register(new SlowResource());
        environment.jersey().register(new ProbeResource());
        BearerAuth.install(environment, new AccessTokenVerifier(TestTokens.trustedKeys(), "nova", "nova-api",
                Duration.ofSeconds(30), REVOKED::contains, Clock.systemUTC()));
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
