package io.nova.system;

import io.dropwizard.testing.ConfigOverride;
import io.nova.content.ContentServiceApplication;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.testing.PeerServices;
import io.nova.testing.RunningService;
import io.nova.user.UserServiceApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

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

    private FeedStack(PeerServices peers, RunningService<?> content) {
        this.peers = peers;
        this.users = peers.users;
        this.media = peers.media;
        this.content = content;
    }

    /** {@code userOverrides} extend user-service's settings (e.g. the feed's thresholds). */
    static FeedStack start(TestPlatform platform, ConfigOverride... userOverrides) {
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
                    platform.forAnotherService("content-service"), contentSettings.toArray(ConfigOverride[]::new)));
        } catch (RuntimeException e) {
            peers.close();
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
