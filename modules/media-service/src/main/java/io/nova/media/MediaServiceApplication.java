package io.nova.media;

import io.dropwizard.core.setup.Environment;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.config.NovaConfiguration;
import io.nova.kernel.ServiceContext;

/** media-service: uploads to S3, videos, reels and their processing. */
public final class MediaServiceApplication extends NovaApplication<NovaConfiguration> {

    public static void main(String[] args) throws Exception {
        new MediaServiceApplication().run(serverByDefault(args));
    }

    @Override
    protected void runService(NovaConfiguration configuration, Environment environment, ServiceContext context) {
        // The service's own resources arrive with its domain; the kernel already serves health, metrics, gRPC
        // and migrates its database.
    }
}
