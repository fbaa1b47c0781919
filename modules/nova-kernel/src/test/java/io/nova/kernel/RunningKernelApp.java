package io.nova.kernel;

import io.dropwizard.testing.DropwizardTestSupport;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.config.NovaConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/** A test class that talks to one {@link KernelTestApplication} started for the whole class. */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningKernelApp {

    protected DropwizardTestSupport<NovaConfiguration> app;

    /** Configuration the class needs beyond {@link KernelApp}'s defaults. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startApp(TestPlatform platform) throws Exception {
        app = KernelApp.start(platform, settings());
    }

    @AfterAll
    void stopApp() {
        app.after();
    }
}
