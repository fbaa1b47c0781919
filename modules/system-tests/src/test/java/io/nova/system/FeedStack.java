package io.nova.system;

import io.dropwizard.testing.ConfigOverride;
import io.nova.content.ContentServiceApplication;
import io.nova.contracts.Topics;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.testing.PeerServices;
import io.nova.testing.RunningService;
import io.nova.user.UserServiceApplication;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real user-, media- and content-service in this JVM, each on its own database: user-service calls
 * content-service (the feed) and content-service calls user-service (authors, relations), so content-service's gRPC
 * port is chosen before either starts.
 */
final class FeedStack implements AutoCloseable {

    final PeerServices peers;
    final RunningService<?> users;
    final RunningService<?> media;
    final RunningService<?> content;

    private final int contentGrpc;

    private FeedStack(PeerServices peers, RunningService<?> content, int contentGrpc) {
        this.contentGrpc = contentGrpc;
        this.peers = peers;
        this.users = peers.users;
        this.media = peers.media;
        this.content = content;
    }

    /** {@code userOverrides} extend user-service's settings (e.g. the feed's thresholds). */
    static FeedStack start(TestPlatform platform, ConfigOverride... userOverrides) {
        FeedStack stack = launch(platform, userOverrides);
        assertThat(stack.content.grpcPort()).as("content-service's gRPC port").isEqualTo(stack.contentGrpc);
        return stack;
    }

    private static FeedStack launch(TestPlatform platform, ConfigOverride... userOverrides) {
        // The feed's consumer subscribes before anything is published: with the topics missing it would only find
        // them at its next metadata refresh, minutes later. (In a cluster they exist.)
        for (String topic : List.of(Topics.CONTENT_EVENTS, Topics.USER_EVENTS)) {
            platform.platform().kafka().createTopic(topic, 1);
        }
        int contentGrpc = freePort();
        List<ConfigOverride> userSettings = new ArrayList<>(List.of(
                ConfigOverride.config("feed.contentServiceTarget", "127.0.0.1:" + contentGrpc)));
        userSettings.addAll(List.of(userOverrides));
        PeerServices peers = PeerServices.start(platform, MediaServiceApplication.class,
                UserServiceApplication.class, userSettings.toArray(ConfigOverride[]::new));
        try {
            List<ConfigOverride> contentSettings = peers.callerOverrides("content");
            contentSettings.add(ConfigOverride.config("grpc.port", String.valueOf(contentGrpc)));
            return new FeedStack(peers, RunningService.start(ContentServiceApplication.class,
                    platform.forAnotherService("content-service"), contentSettings.toArray(ConfigOverride[]::new)),
                    contentGrpc);
        } catch (RuntimeException e) {
            peers.close();
            throw e;
        }
    }

    /**
     * A free port below the kernel's ephemeral range: the services' own sockets (port 0 listeners, the outgoing
     * connections to Postgres, Redis and Kafka) are given ports from that range only, so none of them can take this
     * one before content-service binds it.
     */
    private static int freePort() {
        int ephemeralLow = ephemeralRangeLow();
        int lowest = Math.min(20_000, ephemeralLow / 2);
        for (int tries = 0; tries < 50; tries++) {
            int candidate = lowest + ThreadLocalRandom.current().nextInt(ephemeralLow - lowest);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                return candidate;
            } catch (IOException taken) {
                // another process listens there: try the next one
            }
        }
        throw new IllegalStateException("no free port below " + ephemeralLow);
    }

    private static int ephemeralRangeLow() {
        try {
            // Read line-wise: procfs reports a size of 0, and Files.readString then returns a truncated "3".
            try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }

    @Override
    public void close() {
        try {
            content.close();
        } finally {
            peers.close();
        }
    }
}
