package io.nova.kernel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.config.LayeredConfigurationSourceProvider;
import io.nova.kernel.config.NovaConfiguration;
import io.nova.kernel.config.NovaConfigurationFactoryFactory;
import io.nova.kernel.errors.ErrorHandling;
import io.nova.kernel.grpc.ManagedGrpcServer;
import io.nova.kernel.health.DrainOnShutdown;
import io.nova.kernel.health.HealthResource;
import io.nova.kernel.health.ServingState;
import io.nova.kernel.metrics.PrometheusEndpoint;

import java.util.Map;

/**
 * What every Nova service is made of: layered configuration, the health probes and {@code /metrics} on the
 * application port, a gRPC server with the standard health service, and a shutdown that drains before it stops.
 * A service adds its resources and gRPC services in {@link #runService}.
 */
public abstract class NovaApplication<C extends NovaConfiguration> extends Application<C> {

    private final ServiceIdentity identity;
    private final Map<String, String> environment;
    private ManagedGrpcServer grpcServer;

    protected NovaApplication() {
        this(ServiceIdentity.fromClasspath(), System.getenv());
    }

    protected NovaApplication(ServiceIdentity identity, Map<String, String> environment) {
        this.identity = identity;
        this.environment = Map.copyOf(environment);
    }

    /** {@code java -jar service.jar} with no arguments runs the server with the layered defaults. */
    public static String[] serverByDefault(String[] args) {
        return args.length == 0 ? new String[] {"server"} : args;
    }

    @Override
    public final String getName() {
        return identity.name();
    }

    public final ServiceIdentity identity() {
        return identity;
    }

    @Override
    public final void initialize(Bootstrap<C> bootstrap) {
        LayeredConfigurationSourceProvider source = new LayeredConfigurationSourceProvider(identity, environment);
        bootstrap.setConfigurationSourceProvider(source);
        bootstrap.setConfigurationFactoryFactory(new NovaConfigurationFactoryFactory<>(source));
        initializeService(bootstrap);
    }

    /** Bundles and commands of the service. */
    protected void initializeService(Bootstrap<C> bootstrap) {
    }

    @Override
    public final void run(C configuration, Environment environment) throws Exception {
        // The configuration is parsed by now; from here on the mapper speaks the API's snake_case.
        environment.getObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        // A misspelt field is a client bug worth a 400, not a silently ignored value.
        environment.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        ServingState serving = new ServingState();
        grpcServer = new ManagedGrpcServer(configuration.getGrpc(), environment.metrics());
        environment.lifecycle().manage(grpcServer);
        environment.lifecycle().addEventListener(
                new DrainOnShutdown(serving, configuration.getShutdown().getDrainDelay(), grpcServer::drain));

        ErrorHandling.install(environment, configuration.getMaxRequestBody().toBytes());
        environment.jersey().register(new HealthResource(getName(), environment.healthChecks(), serving));
        PrometheusEndpoint.install(environment);

        runService(configuration, environment, grpcServer);
    }

    /** Registers the service's resources, health checks, managed objects and gRPC services. */
    protected abstract void runService(C configuration, Environment environment, ManagedGrpcServer grpc)
            throws Exception;

    /** The running gRPC server (for tests and diagnostics). */
    public final ManagedGrpcServer grpcServer() {
        if (grpcServer == null) {
            throw new IllegalStateException(getName() + " is not running");
        }
        return grpcServer;
    }
}
