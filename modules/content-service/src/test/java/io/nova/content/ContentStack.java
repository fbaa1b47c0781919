package io.nova.content;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.media.MediaServiceApplication;
import io.nova.media.MediaServiceConfiguration;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;
import io.nova.user.UserServiceApplication;
import io.nova.user.UserServiceConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * content-service and the real services it calls, all in this JVM: media-service and user-service each against a
 * database (and bucket) of their own, as in production, and content-service against the test class's, pointed at
 * their gRPC ports. Every service trusts the test key and user-service signs with it, so the access tokens of
 * users registered there work everywhere.
 */
final class ContentStack implements AutoCloseable {

    final RunningService<MediaServiceConfiguration> media;
    final RunningService<UserServiceConfiguration> users;
    final RunningService<ContentServiceConfiguration> content;
    /** media-service's share of the platform: its database, for a second replica or a look at its rows. */
    final TestPlatform mediaPlatform;

    private ContentStack(RunningService<MediaServiceConfiguration> media,
                         RunningService<UserServiceConfiguration> users,
                         RunningService<ContentServiceConfiguration> content, TestPlatform mediaPlatform) {
        this.mediaPlatform = mediaPlatform;
        this.media = media;
        this.users = users;
        this.content = content;
    }

    static ContentStack start(TestPlatform platform, ConfigOverride... contentOverrides) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            TestPlatform mediaPlatform = platform.forAnotherService("media-service");
            RunningService<MediaServiceConfiguration> media = startMedia(mediaPlatform);
            started.add(0, media);
            RunningService<UserServiceConfiguration> users = RunningService.start(UserServiceApplication.class,
                    platform.forAnotherService("user-service"), TestIdentity.trustTokens(),
                    ConfigOverride.config("auth.signingKey", TestIdentity.privatePem()),
                    // Cheap password hashes keep the suite fast; user-service's tests cover the real parameters.
                    ConfigOverride.config("auth.argon2MemoryKib", "1024"),
                    ConfigOverride.config("auth.argon2Iterations", "1"),
                    ConfigOverride.config("avatars.mediaServiceTarget", "127.0.0.1:" + media.grpcPort()));
            started.add(0, users);
            List<ConfigOverride> overrides = new ArrayList<>(List.of(
                    TestIdentity.trustTokens(),
                    ConfigOverride.config("content.userServiceTarget", "127.0.0.1:" + users.grpcPort()),
                    ConfigOverride.config("content.mediaServiceTarget", "127.0.0.1:" + media.grpcPort())));
            overrides.addAll(List.of(contentOverrides));
            RunningService<ContentServiceConfiguration> content = RunningService.start(
                    ContentServiceApplication.class, platform, overrides.toArray(ConfigOverride[]::new));
            return new ContentStack(media, users, content, mediaPlatform);
        } catch (RuntimeException e) {
            for (AutoCloseable service : started) {
                try {
                    service.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** A media-service replica on {@code mediaPlatform}'s database (another one joins the same consumer group). */
    static RunningService<MediaServiceConfiguration> startMedia(TestPlatform mediaPlatform,
                                                                ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(TestIdentity.trustTokens(),
                // The media topic is shared by every test class of the JVM: a consumer group of its own.
                ConfigOverride.config("media.processingConsumer", "processing-" + mediaPlatform.database())));
        all.addAll(List.of(overrides));
        return RunningService.start(MediaServiceApplication.class, mediaPlatform, all.toArray(ConfigOverride[]::new));
    }

    @Override
    public void close() {
        content.close();
        users.close();
        media.close();
    }
}
