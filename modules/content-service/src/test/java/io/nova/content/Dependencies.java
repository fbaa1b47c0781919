package io.nova.content;

import io.nova.embedded.EmbeddedPlatform;
import io.nova.embedded.ResourceNames;
import io.nova.testing.TestIdentity;

import java.util.HashMap;
import java.util.Map;

/**
 * The real user-service and media-service content-service calls, each with a database of its own on the test
 * platform's PostgreSQL. Started once per test JVM (they take seconds) and shared by the test classes: their data
 * is keyed by the users each test registers, so classes never see each other's. They sign and trust the test key
 * ({@link TestIdentity}), so tokens of users registered here work in content-service too.
 */
final class Dependencies {

    private static Dependencies running;

    final ChildService users;
    final ChildService media;

    private Dependencies(ChildService users, ChildService media) {
        this.users = users;
        this.media = media;
    }

    static synchronized Dependencies shared(EmbeddedPlatform platform) {
        if (running == null) {
            running = start(platform);
            Dependencies started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.media.close();
                started.users.close();
            }, "content-test-dependencies"));
        }
        return running;
    }

    private static Dependencies start(EmbeddedPlatform platform) {
        Map<String, String> users = common(platform, "users");
        users.put("auth.signingKey", TestIdentity.privatePem());
        // Cheap password hashes keep the suite fast; user-service's own tests cover the real parameters.
        users.put("auth.argon2MemoryKib", "1024");
        users.put("auth.argon2Iterations", "1");
        Map<String, String> media = common(platform, "media");
        media.put("s3.endpoint", platform.s3().endpoint().toString());
        media.put("s3.region", platform.s3().region());
        media.put("s3.bucket", platform.s3().createBucket(ResourceNames.uniqueBucket("content-tests")));
        media.put("s3.accessKeyId", platform.s3().accessKey());
        media.put("s3.secretAccessKey", platform.s3().secretKey());
        media.put("s3.pathStyle", "true");
        media.put("media.processingConsumer", "processing-" + ResourceNames.uniqueDatabase("content"));
        ChildService userService = ChildService.launch("user-service", "io.nova.user.UserServiceApplication",
                users);
        ChildService mediaService = ChildService.launch("media-service", "io.nova.media.MediaServiceApplication",
                media);
        try {
            return new Dependencies(userService.awaitReady(), mediaService.awaitReady());
        } catch (RuntimeException e) {
            mediaService.close();
            userService.close();
            throw e;
        }
    }

    private static Map<String, String> common(EmbeddedPlatform platform, String service) {
        // createDatabase answers the new database's JDBC URL.
        String url = platform.postgres().createDatabase(ResourceNames.uniqueDatabase("content_deps_" + service));
        Map<String, String> settings = new HashMap<>();
        settings.put("database.url", url);
        settings.put("database.user", platform.postgres().user());
        settings.put("database.password", platform.postgres().password());
        settings.put("redis.url", platform.redis().uri());
        settings.put("kafka.brokers", platform.kafka().bootstrapServers());
        settings.put("jwt.publicKeys", TestIdentity.publicPem());
        return settings;
    }
}
