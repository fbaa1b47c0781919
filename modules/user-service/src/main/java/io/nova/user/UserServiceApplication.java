package io.nova.user;

import io.dropwizard.core.setup.Environment;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.config.NovaConfiguration;
import io.nova.kernel.ServiceContext;

/** user-service: accounts, tokens, profiles, the social graph, the home feed and discovery. */
public final class UserServiceApplication extends NovaApplication<NovaConfiguration> {

    public static void main(String[] args) throws Exception {
        new UserServiceApplication().run(serverByDefault(args));
    }

    @Override
    protected void runService(NovaConfiguration configuration, Environment environment, ServiceContext context) {
        // The service's own resources arrive with its domain; the kernel already serves health, metrics, gRPC
        // and migrates its database.
    }
}
