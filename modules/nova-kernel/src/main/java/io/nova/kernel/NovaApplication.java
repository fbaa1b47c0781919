package io.nova.kernel;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.api.ApiJson;
import io.nova.kernel.analytics.ClickHouseHealthCheck;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.auth.BearerAuth;
import io.nova.kernel.auth.JwksKeys;
import io.nova.kernel.auth.JwtConfig;
import io.nova.kernel.auth.PublicKeys;
import io.nova.kernel.auth.RevokedTokens;
import io.nova.kernel.auth.VerificationKeys;
import io.nova.kernel.config.CheckCommand;
import io.nova.kernel.config.LayeredConfigurationSourceProvider;
import io.nova.kernel.config.NovaConfiguration;
import io.nova.kernel.config.NovaConfigurationFactoryFactory;
import io.nova.kernel.db.DatabaseOutages;
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
import io.nova.kernel.redis.RedisOutages;
import io.nova.kernel.redis.RedisRevokedTokens;
import io.nova.kernel.storage.S3Storage;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every Nova service is made of: layered configuration, the health probes and {@code /metrics} on the
 * application port, the API error format, Redis, bearer-token authentication, rate limits, a gRPC server with the
 * standard health service and a shutdown that drains before it stops; and the {@link KernelPart}s it names — its
 * migrated PostgreSQL database, the outbox relay to Kafka, Kafka consumers, S3, ClickHouse.
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

    /** Dropwizard's server, and a check that writes its verdict before the JVM exits (see {@link CheckCommand}). */
    @Override
    protected final void addDefaultCommands(Bootstrap<C> bootstrap) {
        bootstrap.addCommand(new ServerCommand<>(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    @Override
    public final void initialize(Bootstrap<C> bootstrap) {
        LayeredConfigurationSourceProvider source = new LayeredConfigurationSourceProvider(identity, environment);
        bootstrap.setConfigurationSourceProvider(source);
        bootstrap.setConfigurationFactoryFactory(new NovaConfigurationFactoryFactory<>(source));
        bootstrap.addCommand(new DbCommand<>(getConfigurationClass()));
        ApiJson.readAndWrite(bootstrap.getObjectMapper());
        initializeService(bootstrap);
    }

    /** Bundles and commands of the service. */
    protected void initializeService(Bootstrap<C> bootstrap) {
    }

    @Override
    public final void run(C configuration, Environment environment) throws Exception {
        // The configuration is parsed by now; from here on the mapper speaks the API's names.
        ApiJson.namesAndFields(environment.getObjectMapper());

        Set<KernelPart> parts = parts();
        requireConsistent(parts, configuration);
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
        environment.jersey().register(new io.nova.kernel.paging.PageParamsProvider.Binder());

        Jdbi jdbi = parts.contains(KernelPart.DATABASE) ? Database.open(environment, configuration.getDatabase(),
                configuration.isMigrateOnStart(), getName()) : null;

        ManagedRedis redis = new ManagedRedis(configuration.getRedis(), getName());
        environment.lifecycle().manage(redis);
        environment.healthChecks().register(ManagedRedis.HEALTH_CHECK, redis.healthCheck());
        RedisRevokedTokens revokedTokens = new RedisRevokedTokens(redis.client(),
                configuration.getJwt().getClockSkew().toJavaDuration());
        AccessTokenVerifier verifier = accessTokenVerifier(configuration.getJwt(), revokedTokens);
        BearerAuth.install(environment, verifier);
        grpcServer.intercept(new CallerInterceptor(verifier));
        environment.jersey().register(new RateLimitFeature(redis.client(), Clock.systemUTC()));
        environment.jersey().register(new RedisOutages());
        environment.jersey().register(new DatabaseOutages());

        String brokers = configuration.getKafka().getBrokers();
        if (parts.contains(KernelPart.OUTBOX) || parts.contains(KernelPart.CONSUMERS)) {
            KafkaHealthCheck kafkaHealth = new KafkaHealthCheck(brokers, getName());
            environment.lifecycle().manage(kafkaHealth);
            environment.healthChecks().register(KafkaHealthCheck.NAME, kafkaHealth);
        }
        if (parts.contains(KernelPart.OUTBOX)) {
            environment.lifecycle().manage(new OutboxRelay(jdbi, IdempotentProducer.create(brokers, getName()),
                    environment.getObjectMapper(), configuration.getKafka(), environment.metrics(), getName()));
        }
        S3Storage s3 = null;
        if (parts.contains(KernelPart.S3)) {
            s3 = new S3Storage(configuration.getS3());
            environment.lifecycle().manage(s3);
            environment.healthChecks().register(S3Storage.HEALTH_CHECK, s3.healthCheck());
        }
        if (parts.contains(KernelPart.CLICKHOUSE)) {
            environment.healthChecks().register(ClickHouseHealthCheck.NAME,
                    new ClickHouseHealthCheck(configuration.getClickhouse()));
        }

        // Managed objects stop in reverse order: registered after the database and Redis, gRPC stops before them.
        environment.lifecycle().manage(grpcServer);

        runService(configuration, environment, new ServiceContext(getName(), parts, jdbi, redis.client(),
                new Outbox(environment.getObjectMapper()),
                new IdempotencyKeys(redis.client(), environment.getObjectMapper(), getName()), revokedTokens,
                grpcServer, brokers, environment.getObjectMapper(), environment.metrics(), environment.lifecycle(),
                s3, verifier));
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
                jwt.getAccessTokenTtl().toJavaDuration(), jwt.getClockSkew().toJavaDuration(), revoked,
                Clock.systemUTC());
    }

    /** The kernel parts this service uses: only these start, are configured and are checked by readiness. */
    protected abstract Set<KernelPart> parts();

    /** A part that needs another, or its configuration block, stops the start with a sentence saying which. */
    private static void requireConsistent(Set<KernelPart> parts, NovaConfiguration configuration) {
        for (KernelPart needsDatabase : List.of(KernelPart.OUTBOX, KernelPart.CONSUMERS)) {
            if (parts.contains(needsDatabase) && !parts.contains(KernelPart.DATABASE)) {
                throw new IllegalStateException(needsDatabase + " keeps its state in the service's database: "
                        + "declare DATABASE too");
            }
        }
        if (parts.contains(KernelPart.S3) && configuration.getS3() == null) {
            throw new IllegalStateException("S3 is used but the configuration has no s3 block (see "
                    + "docs/configuration.md)");
        }
        if (parts.contains(KernelPart.CLICKHOUSE)
                && (configuration.getClickhouse() == null || !configuration.getClickhouse().isEnabled())) {
            throw new IllegalStateException("CLICKHOUSE is used but no clickhouse.url (CLICKHOUSE_URL) is set");
        }
    }

    /** Registers the service's resources, health checks, managed objects and gRPC services. */
    protected abstract void runService(C configuration, Environment environment, ServiceContext context)
            throws Exception;

    /** The parts this service named (for tests and diagnostics). */
    public final Set<KernelPart> kernelParts() {
        return Set.copyOf(parts());
    }

    /** The running gRPC server (for tests and diagnostics). */
    public final ManagedGrpcServer grpcServer() {
        if (grpcServer == null) {
            throw new IllegalStateException(getName() + " is not running");
        }
        return grpcServer;
    }
}
