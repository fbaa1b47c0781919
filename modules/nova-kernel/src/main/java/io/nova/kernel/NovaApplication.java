package io.nova.kernel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.analytics.ClickHouseHealthCheck;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.auth.BearerAuth;
import io.nova.kernel.auth.JwksKeys;
import io.nova.kernel.auth.JwtConfig;
import io.nova.kernel.auth.PublicKeys;
import io.nova.kernel.auth.RevokedTokens;
import io.nova.kernel.auth.VerificationKeys;
import io.nova.kernel.config.LayeredConfigurationSourceProvider;
import io.nova.kernel.config.NovaConfiguration;
import io.nova.kernel.config.NovaConfigurationFactoryFactory;
import io.nova.kernel.db.Database;
import io.nova.kernel.db.DbCommand;
import io.nova.kernel.errors.ErrorHandling;
import io.nova.kernel.events.IdempotentProducer;
import io.nova.kernel.events.KafkaHealthCheck;
import io.nova.kernel.events.Outbox;
import io.nova.kernel.events.OutboxRelay;
import io.nova.kernel.grpc.CallerInterceptor;
import io.nova.kernel.grpc.ManagedGrpcServer;
import io.nova.kernel.health.DrainOnShutdown;
import io.nova.kernel.health.HealthResource;
import io.nova.kernel.health.ServingState;
import io.nova.kernel.metrics.PrometheusEndpoint;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.kernel.redis.ManagedRedis;
import io.nova.kernel.redis.RateLimitFeature;
import io.nova.kernel.redis.RedisRevokedTokens;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * What every Nova service is made of: layered configuration, the health probes and {@code /metrics} on the
 * application port, the API error format, its migrated PostgreSQL database, Redis, bearer-token authentication,
 * rate limits, the outbox relay to Kafka, a gRPC server with the standard health service, and a shutdown that
 * drains before it stops.
 * A service adds its resources and gRPC services in {@link #runService}.
 */
public abstract class NovaApplication<C extends NovaConfiguration> extends Application<C> {

    private static final Logger LOG = LoggerFactory.getLogger(NovaApplication.class);

    private final ServiceIdentity identity;
    private final Map<String, String> environment;
    private ManagedGrpcServer grpcServer;

    protected NovaApplication() {
        this.identity = ServiceIdentity.of(getClass());
        this.environment = Map.copyOf(System.getenv());
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
        bootstrap.addCommand(new DbCommand<>(getConfigurationClass()));
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
        environment.lifecycle().addEventListener(
                new DrainOnShutdown(serving, configuration.getShutdown().getDrainDelay(), grpcServer::drain));

        ErrorHandling.install(environment, configuration.getMaxRequestBody().toBytes());
        environment.servlets()
                .addFilter("client-address", new io.nova.kernel.http.ClientAddressFilter(
                        io.nova.kernel.http.ClientAddresses.trusting(configuration.getTrustedProxies())))
                .addMappingForUrlPatterns(java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), false, "/*");
        environment.jersey().register(new HealthResource(getName(), environment.healthChecks(), serving,
                Set.of(KafkaHealthCheck.NAME, ClickHouseHealthCheck.NAME)));
        PrometheusEndpoint.install(environment);

        Jdbi jdbi = Database.open(environment, configuration.getDatabase(), configuration.isMigrateOnStart(),
                getName());

        ManagedRedis redis = new ManagedRedis(configuration.getRedis(), getName());
        environment.lifecycle().manage(redis);
        environment.healthChecks().register(ManagedRedis.HEALTH_CHECK, redis.healthCheck());
        RedisRevokedTokens revokedTokens = new RedisRevokedTokens(redis.client(),
                java.time.Duration.ofMillis(configuration.getJwt().getClockSkew().toMilliseconds()));
        AccessTokenVerifier verifier = accessTokenVerifier(configuration.getJwt(), revokedTokens);
        BearerAuth.install(environment, verifier);
        grpcServer.intercept(new CallerInterceptor(verifier));
        environment.jersey().register(new RateLimitFeature(redis.client(), Clock.systemUTC()));

        String brokers = configuration.getKafka().getBrokers();
        KafkaHealthCheck kafkaHealth = new KafkaHealthCheck(brokers, getName());
        environment.lifecycle().manage(kafkaHealth);
        environment.healthChecks().register(KafkaHealthCheck.NAME, kafkaHealth);
        environment.lifecycle().manage(new OutboxRelay(jdbi, IdempotentProducer.create(brokers, getName()),
                environment.getObjectMapper(), configuration.getKafka(), environment.metrics(), getName()));

        if (configuration.getClickhouse().isEnabled()) {
            environment.healthChecks().register(ClickHouseHealthCheck.NAME,
                    new ClickHouseHealthCheck(configuration.getClickhouse()));
        }

        // Managed objects stop in reverse order: registered after the database and Redis, gRPC stops before them.
        environment.lifecycle().manage(grpcServer);

        runService(configuration, environment, new ServiceContext(getName(), jdbi, redis.client(),
                new Outbox(environment.getObjectMapper()),
                new IdempotencyKeys(redis.client(), environment.getObjectMapper(), getName()), revokedTokens,
                grpcServer, brokers, environment.getObjectMapper(), environment.metrics(), environment.lifecycle(),
                configuration.getS3(), environment.healthChecks()));
    }

    private static AccessTokenVerifier accessTokenVerifier(JwtConfig jwt, RevokedTokens revoked) {
        VerificationKeys keys;
        if (!jwt.getJwksUrl().isEmpty()) {
            keys = new JwksKeys(java.net.URI.create(jwt.getJwksUrl()), java.time.Duration.ofSeconds(30),
                    Clock.systemUTC());
        } else {
            PublicKeys pem = PublicKeys.fromPem(jwt.getPublicKeys());
            if (pem.isEmpty()) {
                LOG.warn("No JWT key configured (JWT_PUBLIC_KEY_PEM or JWT_JWKS_URL): every authenticated call is "
                        + "refused");
            }
            keys = pem;
        }
        return new AccessTokenVerifier(keys, jwt.getIssuer(), jwt.getAudience(),
                java.time.Duration.ofMillis(jwt.getClockSkew().toMilliseconds()), revoked, Clock.systemUTC());
    }

    /** Registers the service's resources, health checks, managed objects and gRPC services. */
    protected abstract void runService(C configuration, Environment environment, ServiceContext context)
            throws Exception;

    /** The running gRPC server (for tests and diagnostics). */
    public final ManagedGrpcServer grpcServer() {
        if (grpcServer == null) {
            throw new IllegalStateException(getName() + " is not running");
        }
        return grpcServer;
    }
}
