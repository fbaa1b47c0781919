package io.nova.content;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.RunningService;
import io.nova.testing.TestIdentity;

import java.util.ArrayList;
import java.util.List;

/**
 * content-service in this JVM, against the test class's database, pointed at the gRPC ports of the real
 * user-service and media-service ({@link Dependencies}).
 */
final class ContentStack implements AutoCloseable {

    final Dependencies dependencies;
    final RunningService<ContentServiceConfiguration> content;

    private ContentStack(Dependencies dependencies, RunningService<ContentServiceConfiguration> content) {
        this.dependencies = dependencies;
        this.content = content;
    }

    static ContentStack start(TestPlatform platform, ConfigOverride... extra) {
        Dependencies dependencies = Dependencies.shared(platform.platform());
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                TestIdentity.trustTokens(),
                ConfigOverride.config("content.userServiceTarget", "127.0.0.1:" + dependencies.users.grpcPort()),
                ConfigOverride.config("content.mediaServiceTarget", "127.0.0.1:" + dependencies.media.grpcPort())));
        overrides.addAll(List.of(extra));
        return new ContentStack(dependencies, RunningService.start(ContentServiceApplication.class, platform,
                overrides.toArray(ConfigOverride[]::new)));
    }

    @Override
    public void close() {
        content.close();
    }
}
