package io.nova.system;

import io.dropwizard.testing.ConfigOverride;
import io.nova.content.ContentServiceApplication;
import io.nova.contracts.Topics;
import io.nova.embedded.PlatformPorts;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.testing.PeerServices;
import io.nova.testing.RunningService;
import io.nova.user.UserServiceApplication;

import java.util.ArrayList;
import java.util.List;

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
        int contentGrpc = PlatformPorts.freePort();
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

    @Override
    public void close() {
        try {
            content.close();
        } finally {
            peers.close();
        }
    }
}
