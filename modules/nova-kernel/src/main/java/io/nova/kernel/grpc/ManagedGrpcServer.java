package io.nova.kernel.grpc;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.nova.kernel.config.GrpcConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service's gRPC server as a Dropwizard managed object, with the standard {@code grpc.health.v1.Health} service.
 * Services add their implementations while the application runs; the server starts with Jetty and stops after it.
 */
public final class ManagedGrpcServer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedGrpcServer.class);

    private final GrpcConfig config;
    private final MetricRegistry metrics;
    private final HealthStatusManager health = new HealthStatusManager();
    private final List<BindableService> services = new ArrayList<>();
    private final List<ServerInterceptor> interceptors = new ArrayList<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private Server server;
    private ExecutorService executor;

    public ManagedGrpcServer(GrpcConfig config, MetricRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    public void addService(BindableService service) {
        if (server != null) {
            throw new IllegalStateException("gRPC services must be added before the server starts");
        }
        services.add(service);
    }

    /** Applied to every service added, innermost first. */
    public void intercept(ServerInterceptor interceptor) {
        if (server != null) {
            throw new IllegalStateException("gRPC interceptors must be added before the server starts");
        }
        interceptors.add(interceptor);
    }

    @Override
    public void start() throws IOException {
        String host = config.getBindHost();
        InetSocketAddress address = host == null || host.isBlank() ? new InetSocketAddress(config.getPort())
                : new InetSocketAddress(host, config.getPort());
        // A bounded pool: under overload calls wait in its queue (where ExpiredCallShedder drops those whose callers
        // gave up) instead of each getting a thread, which on a small machine ends in thread and GC thrash.
        executor = Executors.newFixedThreadPool(config.getMaxThreads(), new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "grpc-server-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
                .executor(executor)
                .addService(health.getHealthService());
        CallMetricsInterceptor timing = new CallMetricsInterceptor(metrics);
        // Listed innermost first: errors are translated before the caller check and the timing see the status.
        List<ServerInterceptor> chain = new ArrayList<>();
        chain.add(new DomainErrorInterceptor());
        chain.addAll(interceptors);
        chain.add(timing);
        chain.add(new ExpiredCallShedder(metrics));
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, chain));
        }
        server = builder.build().start();
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
        for (BindableService service : services) {
            health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
        }
        LOG.info("gRPC listening on port {} with {} service(s)", server.getPort(), services.size());
    }

    /** Health answers NOT_SERVING from now on, so gRPC clients and probes move away before the server closes. */
    public void drain() {
        if (draining.compareAndSet(false, true)) {
            health.enterTerminalState();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (server == null) {
            return;
        }
        drain();
        server.shutdown();
        if (!server.awaitTermination(config.getShutdownTimeout().toMilliseconds(), TimeUnit.MILLISECONDS)) {
            LOG.warn("gRPC calls still running after {}; cancelling them", config.getShutdownTimeout());
            server.shutdownNow();
            server.awaitTermination(1, TimeUnit.SECONDS);
        }
        executor.shutdownNow();
    }

    /** Where the server listens (for checks that it is on the interface it was told). */
    public List<? extends java.net.SocketAddress> listenAddresses() {
        if (server == null) {
            throw new IllegalStateException("gRPC server is not running");
        }
        return server.getListenSockets();
    }

    /** The port actually bound (differs from the configured one when that is 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("gRPC server is not running");
        }
        return server.getPort();
    }
}
