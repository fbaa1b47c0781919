package io.nova.media;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;

import java.util.ArrayList;
import java.util.List;

/** Starts media-service against a test class's own database, bucket and processing consumer. */
final class MediaTestSupport {

    private MediaTestSupport() {
    }

    static RunningService<MediaServiceConfiguration> start(TestPlatform platform, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                TestIdentity.trustTokens(),
                ConfigOverride.config("s3.endpoint", platform.s3Endpoint()),
                ConfigOverride.config("s3.region", platform.s3Region()),
                ConfigOverride.config("s3.bucket", platform.bucket()),
                ConfigOverride.config("s3.accessKeyId", platform.s3AccessKey()),
                ConfigOverride.config("s3.secretAccessKey", platform.s3SecretKey()),
                ConfigOverride.config("s3.pathStyle", "true"),
                // Every test class of the JVM shares the topic: each needs its own consumer group, and ignores
                // the uploads of other classes (they are not in its database).
                ConfigOverride.config("media.processingConsumer", "processing-" + platform.database())));
        overrides.addAll(List.of(extra));
        return RunningService.start(MediaServiceApplication.class, platform, overrides.toArray(ConfigOverride[]::new));
    }
}
