package io.nova.local;

import io.nova.embedded.PlatformPorts;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How one local platform is run. {@link #defaults} is what {@code ./nova local} uses: the fixed, documented ports.
 * Tests use {@link #forTests}: free ports everywhere and their own data directory, so they never collide with a
 * running {@code ./nova local} or with each other.
 *
 * @param repositoryRoot   the checkout: the Ingress fragments and the service jars are read from it
 * @param dataDirectory    where everything is kept ({@code .nova/} by default)
 * @param fresh            delete the data directory's contents first
 * @param gatewayPort      the gateway's port; 0 for a free one
 * @param platformPorts    PostgreSQL, Redis, Kafka, S3
 * @param freeServicePorts run the services on free ports instead of the ones their jars name
 * @param backendOverrides addresses that replace a service's (the service is then not started)
 * @param allowedOrigins   CORS origins when the Ingress fragment leaves them to the environment
 * @param readyTimeout     how long a service may take to become ready
 * @param replicas         how many replicas of a service to run behind the gateway (1 when not named)
 */
public record LocalOptions(Path repositoryRoot, Path dataDirectory, boolean fresh, int gatewayPort,
                           PlatformPorts platformPorts, boolean freeServicePorts,
                           Map<String, InetSocketAddress> backendOverrides, List<String> allowedOrigins,
                           Duration readyTimeout, Map<String, Integer> replicas) {

    public static final int GATEWAY_PORT = 8080;
    public static final String MEDIA_BUCKET = "nova-media";

    public static LocalOptions defaults(Path repositoryRoot) {
        return new LocalOptions(repositoryRoot, repositoryRoot.resolve(".nova"), false, GATEWAY_PORT,
                PlatformPorts.LOCAL, false, Map.of(), List.of("*"), Duration.ofSeconds(90), Map.of());
    }

    /** Three minutes to become ready: four JVMs on a 2-core machine that is building something else need it. */
    public static LocalOptions forTests(Path repositoryRoot, Path dataDirectory) {
        return new LocalOptions(repositoryRoot, dataDirectory, false, 0, PlatformPorts.ANY, true, Map.of(),
                List.of("*"), Duration.ofMinutes(3), Map.of());
    }

    public LocalOptions withFresh(boolean value) {
        return new LocalOptions(repositoryRoot, dataDirectory, value, gatewayPort, platformPorts, freeServicePorts,
                backendOverrides, allowedOrigins, readyTimeout, replicas);
    }

    public LocalOptions withGatewayPort(int port) {
        return new LocalOptions(repositoryRoot, dataDirectory, fresh, port, platformPorts, freeServicePorts,
                backendOverrides, allowedOrigins, readyTimeout, replicas);
    }

    public LocalOptions withAllowedOrigins(List<String> origins) {
        return new LocalOptions(repositoryRoot, dataDirectory, fresh, gatewayPort, platformPorts, freeServicePorts,
                backendOverrides, List.copyOf(origins), readyTimeout, replicas);
    }

    public LocalOptions withBackendOverrides(Map<String, InetSocketAddress> overrides) {
        return new LocalOptions(repositoryRoot, dataDirectory, fresh, gatewayPort, platformPorts, freeServicePorts,
                Map.copyOf(overrides), allowedOrigins, readyTimeout, replicas);
    }

    /** Runs {@code count} replicas of {@code service} (each its own JVM on its own ports; one database). */
    public LocalOptions withReplicas(String service, int count) {
        if (count < 1 || count > 4) {
            throw new IllegalArgumentException("replicas of " + service + ": 1 to 4, not " + count);
        }
        Map<String, Integer> more = new java.util.LinkedHashMap<>(replicas);
        more.put(service, count);
        return new LocalOptions(repositoryRoot, dataDirectory, fresh, gatewayPort, platformPorts, freeServicePorts,
                backendOverrides, allowedOrigins, readyTimeout, Map.copyOf(more));
    }

    /** How many replicas of {@code service} run. */
    public int replicasOf(String service) {
        return replicas.getOrDefault(service, 1);
    }
}
