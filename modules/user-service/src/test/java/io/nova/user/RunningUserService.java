package io.nova.user;

import io.dropwizard.testing.ConfigOverride;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.ApiClient;
import io.nova.testing.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of user-service's full-app tests: one running service per test class, on the class's own database,
 * with a client and a way to sign people up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
abstract class RunningUserService {

    protected TestPlatform platform;
    protected RunningService<UserServiceConfiguration> service;
    protected ApiClient http;
    protected TestUsers users;

    /** Settings the test class needs beyond {@link TestUsers#serviceOverrides}. */
    protected ConfigOverride[] overrides() {
        return new ConfigOverride[0];
    }

    @BeforeAll
    final void startService(TestPlatform platform) {
        this.platform = platform;
        service = RunningService.start(UserServiceApplication.class, platform,
                TestUsers.serviceOverrides(overrides()));
        http = new ApiClient(service);
        users = new TestUsers(http);
    }

    @AfterAll
    final void stopService() {
        if (service != null) {
            service.close();
        }
    }
}
