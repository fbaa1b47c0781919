package io.nova.content;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.media.MediaServiceConfiguration;
import io.nova.testing.PeerServices;
import io.nova.testing.RunningService;
import io.nova.user.UserServiceApplication;

import java.util.List;

/**
 * content-service and the real services it calls, all in this JVM ({@link PeerServices}): content-service against
 * the test class's database, pointed at their gRPC ports.
 */
final class ContentStack implements AutoCloseable {

    final PeerServices peers;
    final RunningService<?> media;
    final RunningService<?> users;
    final RunningService<ContentServiceConfiguration> content;
    /** media-service's share of the platform: its database, for a second replica or a look at its rows. */
    final TestPlatform mediaPlatform;

    private ContentStack(PeerServices peers, RunningService<ContentServiceConfiguration> content) {
        this.peers = peers;
        this.media = peers.media;
        this.mediaPlatform = peers.mediaPlatform;
        this.users = peers.users;
        this.content = content;
    }

    static ContentStack start(TestPlatform platform, ConfigOverride... contentOverrides) {
        PeerServices peers = PeerServices.start(platform, MediaServiceApplication.class,
                UserServiceApplication.class);
        try {
            List<ConfigOverride> overrides = peers.callerOverrides("content");
            overrides.addAll(List.of(contentOverrides));
            return new ContentStack(peers, RunningService.start(ContentServiceApplication.class, platform,
                    overrides.toArray(ConfigOverride[]::new)));
        } catch (RuntimeException e) {
            peers.close();
            throw e;
        }
    }

    /** A media-service replica on {@code mediaPlatform}'s database (another one joins the same consumer group). */
    static RunningService<MediaServiceConfiguration> startMedia(TestPlatform mediaPlatform,
                                                                ConfigOverride... overrides) {
        return PeerServices.startMedia(MediaServiceApplication.class, mediaPlatform, overrides);
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
