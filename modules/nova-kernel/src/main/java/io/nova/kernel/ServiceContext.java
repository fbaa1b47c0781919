package io.nova.kernel;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import io.grpc.ManagedChannel;
import io.grpc.ServiceDescriptor;
import io.nova.kernel.auth.AccessTokenVerifier;
import io.nova.kernel.events.EventConsumer;
import io.nova.kernel.events.EventHandler;
import io.nova.kernel.events.IdempotentEventHandler;
import io.nova.kernel.events.Outbox;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.kernel.grpc.ManagedGrpcServer;
import io.nova.kernel.redis.IdempotencyKeys;
import io.nova.kernel.redis.RedisRevokedTokens;
import io.nova.kernel.storage.S3Storage;
import org.jdbi.v3.core.Jdbi;
import org.redisson.api.RedissonClient;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the kernel has set up for a service by the time {@link NovaApplication#runService} is called. */
public final class ServiceContext {

    private final String serviceName;
    private final Set<KernelPart> parts;
    private final Jdbi jdbi;
    private final RedissonClient redis;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final RedisRevokedTokens revokedTokens;
    private final ManagedGrpcServer grpc;
    private final String kafkaBrokers;
    private final ObjectMapper mapper;
    private final MetricRegistry metrics;
    private final LifecycleEnvironment lifecycle;
    private final S3Storage s3;
    private final AccessTokenVerifier accessTokens;

    ServiceContext(String serviceName, Set<KernelPart> parts, Jdbi jdbi, RedissonClient redis, Outbox outbox,
                   IdempotencyKeys idempotency, RedisRevokedTokens revokedTokens, ManagedGrpcServer grpc,
                   String kafkaBrokers, ObjectMapper mapper, MetricRegistry metrics, LifecycleEnvironment lifecycle,
                   S3Storage s3, AccessTokenVerifier accessTokens) {
        this.serviceName = serviceName;
        this.parts = Set.copyOf(parts);
        this.jdbi = jdbi;
        this.redis = redis;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.revokedTokens = revokedTokens;
        this.grpc = grpc;
        this.kafkaBrokers = kafkaBrokers;
        this.mapper = mapper;
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.s3 = s3;
        this.accessTokens = accessTokens;
    }

    /**
     * The verifier behind {@code @Auth}, for callers that authenticate outside Jersey (the WebSocket upgrade and
     * its re-authentication frames): the same keys, claims and revocations.
     */
    public AccessTokenVerifier accessTokens() {
        return accessTokens;
    }

    /** The media bucket ({@link KernelPart#S3}). */
    public S3Storage s3() {
        require(KernelPart.S3);
        return s3;
    }

    /** The service's own database, migrated ({@link KernelPart#DATABASE}). */
    public Jdbi jdbi() {
        require(KernelPart.DATABASE);
        return jdbi;
    }

    public RedissonClient redis() {
        return redis;
    }

    /** Append events here, inside the transaction that makes the change; the kernel's relay publishes them. */
    public Outbox outbox() {
        require(KernelPart.OUTBOX);
        return outbox;
    }

    public IdempotencyKeys idempotency() {
        return idempotency;
    }

    public RedisRevokedTokens revokedTokens() {
        return revokedTokens;
    }

    /** Add the service's gRPC implementations here. */
    public ManagedGrpcServer grpc() {
        return grpc;
    }

    /**
     * A channel to another Nova service's gRPC API ({@link GrpcChannels#open}: deadlines, retries of idempotent
     * methods), shut down when this service stops. It connects lazily: a dependency still starting is no reason not
     * to boot.
     */
    public ManagedChannel channel(String target, java.time.Duration deadline, ServiceDescriptor... services) {
        ManagedChannel channel = GrpcChannels.open(target, deadline, services);
        lifecycle.manage(new Managed() {
            @Override
            public void stop() throws InterruptedException {
                if (!channel.shutdown().awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            }
        });
        return channel;
    }

    /**
     * Consumes {@code topics} as group {@code <service>.<name>}: each event reaches {@code handler} once in
     * effect, inside the transaction that records it as processed.
     */
    public void consume(String name, Collection<String> topics, EventHandler handler) {
        require(KernelPart.CONSUMERS);
        lifecycle.manage(new EventConsumer(serviceName + "." + name, topics, kafkaBrokers, jdbi, mapper, handler,
                metrics));
    }

    /**
     * Consumes {@code topics} as group {@code <service>.<name>}, each poll's events at once, for a handler that
     * deduplicates by event id itself: no processed-event record, no transaction per event.
     */
    public void consume(String name, Collection<String> topics, IdempotentEventHandler handler) {
        require(KernelPart.CONSUMERS);
        lifecycle.manage(new EventConsumer(serviceName + "." + name, topics, kafkaBrokers, mapper, handler, metrics));
    }

    /** Using a part the service did not name is a wiring mistake, found at start. */
    private void require(KernelPart part) {
        if (!parts.contains(part)) {
            throw new IllegalStateException(serviceName + " uses " + part + " but does not name it in parts()");
        }
    }
}
