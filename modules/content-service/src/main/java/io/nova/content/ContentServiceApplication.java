package io.nova.content;

import io.dropwizard.core.setup.Environment;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.config.NovaConfiguration;
import io.nova.kernel.ServiceContext;

/** content-service: posts, comments, likes, bookmarks and user timelines. */
public final class ContentServiceApplication extends NovaApplication<NovaConfiguration> {

    public static void main(String[] args) throws Exception {
        new ContentServiceApplication().run(serverByDefault(args));
    }

    @Override
    protected void runService(NovaConfiguration configuration, Environment environment, ServiceContext context) {
        // The service's own resources arrive with its domain; the kernel already serves health, metrics, gRPC
        // and migrates its database.
    }
}
