package io.nova.testing;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.config.NovaConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The real media-service and user-service that other services call, started in this JVM for one test class, each
 * against a database (and bucket) of its own, as in production: no mocks of their gRPC APIs. Every service trusts
 * the test key and user-service signs with it, so the access tokens of people registered there ({@link #people})
 * work everywhere. The application classes are passed in: nova-testing depends on no service.
 */
public final class PeerServices implements AutoCloseable {

    public final RunningService<?> media;
    public final RunningService<?> users;
    /** media-service's share of the platform: its database, for a second replica or a look at its rows. */
    public final TestPlatform mediaPlatform;

    private PeerServices(RunningService<?> media, RunningService<?> users, TestPlatform mediaPlatform) {
        this.media = media;
        this.users = users;
        this.mediaPlatform = mediaPlatform;
    }

    /** A media-service replica on {@code mediaPlatform}'s database (another one joins the same consumer group). */
    public static <M extends NovaConfiguration> RunningService<M> startMedia(
            Class<? extends NovaApplication<M>> mediaService, TestPlatform mediaPlatform, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(TestIdentity.trustTokens(),
                // The media topic is shared by every test class of the JVM: a consumer group of its own.
                ConfigOverride.config("media.processingConsumer", "processing-" + mediaPlatform.database())));
        all.addAll(List.of(overrides));
        return RunningService.start(mediaService, mediaPlatform, all.toArray(ConfigOverride[]::new));
    }

    public static <M extends NovaConfiguration, U extends NovaConfiguration> PeerServices start(
            TestPlatform platform, Class<? extends NovaApplication<M>> mediaService,
            Class<? extends NovaApplication<U>> userService) {
        return start(platform, mediaService, userService, new ConfigOverride[0]);
    }

    /**
     * As {@link #start(TestPlatform, Class, Class)}, with user-service's settings extended or overridden by
     * {@code userOverrides} (the feed's tests point it at a content-service and give its consumer a group of its own).
     */
    public static <M extends NovaConfiguration, U extends NovaConfiguration> PeerServices start(
            TestPlatform platform, Class<? extends NovaApplication<M>> mediaService,
            Class<? extends NovaApplication<U>> userService, ConfigOverride... userOverrides) {
        TestPlatform mediaPlatform = platform.forAnotherService("media-service");
        RunningService<M> media = startMedia(mediaService, mediaPlatform);
        try {
            List<ConfigOverride> settings = new ArrayList<>(List.of(TestIdentity.trustTokens(),
                    ConfigOverride.config("auth.signingKey", TestIdentity.privatePem()),
                    // Cheap password hashes keep suites fast; user-service's tests cover the real parameters.
                    ConfigOverride.config("auth.argon2MemoryKib", "1024"),
                    ConfigOverride.config("auth.argon2Iterations", "1"),
                    ConfigOverride.config("avatars.mediaServiceTarget", "127.0.0.1:" + media.grpcPort())));
            settings.addAll(List.of(userOverrides));
            RunningService<U> users = RunningService.start(userService, platform.forAnotherService("user-service"),
                    settings.toArray(ConfigOverride[]::new));
            return new PeerServices(media, users, mediaPlatform);
        } catch (RuntimeException e) {
            media.close();
            throw e;
        }
    }

    /**
     * What the calling service's configuration needs to use them: the test key, and its {@code <block>}'s
     * {@code userServiceTarget} and {@code mediaServiceTarget} pointed at their gRPC ports.
     */
    public List<ConfigOverride> callerOverrides(String block) {
        return new ArrayList<>(List.of(TestIdentity.trustTokens(),
                ConfigOverride.config(block + ".userServiceTarget", "127.0.0.1:" + users.grpcPort()),
                ConfigOverride.config(block + ".mediaServiceTarget", "127.0.0.1:" + media.grpcPort())));
    }

    /**
     * For outage tests, in place of running peers: the test key, and {@code <block>}'s user- and media-service
     * targets at a loopback port nothing listens on, with calls cut off after 500 ms.
     */
    public static List<ConfigOverride> unreachable(String block) {
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            // Free once the socket is closed: nothing listens there.
            nowhere = "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(List.of(TestIdentity.trustTokens(),
                ConfigOverride.config(block + ".userServiceTarget", nowhere),
                ConfigOverride.config(block + ".mediaServiceTarget", nowhere),
                ConfigOverride.config(block + ".grpcDeadline", "500ms")));
    }

    /** Signs people up at this user-service. */
    public People people() {
        return new People(new ApiClient(users));
    }

    @Override
    public void close() {
        try {
            users.close();
        } finally {
            media.close();
        }
    }
}
