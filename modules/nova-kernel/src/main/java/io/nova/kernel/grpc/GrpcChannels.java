package io.nova.kernel.grpc;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Channels to other Nova services. Every call gets a deadline unless the caller sets a shorter one, and only
 * methods declared side-effect free or idempotent ({@code option idempotency_level} in the .proto) are retried,
 * on UNAVAILABLE only — retrying a create could create twice. Callers must not run blocking work in a call's
 * callbacks (listeners on an answer's future): they run on the channel's transport thread.
 */
public final class GrpcChannels {

    static final int MAX_ATTEMPTS = 3;

    private GrpcChannels() {
    }

    /** @param target {@code host:port}, e.g. {@code user-service:9083} (plaintext: traffic stays in the cluster) */
    public static ManagedChannel open(String target, Duration deadline, ServiceDescriptor... services) {
        return NettyChannelBuilder.forTarget(target)
                .usePlaintext()
                // Answers complete their futures on the transport's thread instead of a hop to a thread pool:
                // callers only wait on those futures (never run blocking work in callbacks), and the hop was a
                // measurable share of a timeline request, which asks user-service on every page.
                .directExecutor()
                .defaultServiceConfig(serviceConfig(deadline, services))
                .enableRetry()
                .maxRetryAttempts(MAX_ATTEMPTS)
                .build();
    }

    static Map<String, Object> serviceConfig(Duration deadline, ServiceDescriptor... services) {
        String timeout = (deadline.toMillis() / 1000.0) + "s";
        List<Object> methodConfigs = new ArrayList<>();
        for (ServiceDescriptor service : services) {
            List<Object> retried = new ArrayList<>();
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                if (method.isIdempotent() || method.isSafe()) {
                    retried.add(Map.of("service", service.getName(), "method", method.getBareMethodName()));
                }
            }
            // A method-specific entry wins over the service-wide one, so retried methods keep the deadline too.
            methodConfigs.add(Map.of("name", List.of(Map.of("service", service.getName())), "timeout", timeout));
            if (!retried.isEmpty()) {
                methodConfigs.add(Map.of(
                        "name", retried,
                        "timeout", timeout,
                        "retryPolicy", Map.of(
                                "maxAttempts", (double) MAX_ATTEMPTS,
                                "initialBackoff", "0.05s",
                                "maxBackoff", "0.5s",
                                "backoffMultiplier", 2.0,
                                "retryableStatusCodes", List.of("UNAVAILABLE"))));
            }
        }
        return Map.of("methodConfig", methodConfigs);
    }
}
