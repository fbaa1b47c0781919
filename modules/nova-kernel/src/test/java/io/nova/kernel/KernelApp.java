package io.nova.kernel;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.config.NovaConfiguration;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Starts {@link KernelTestApplication} on free ports against a test class's share of the real platform. */
final class KernelApp {

    private KernelApp() {
    }

    static DropwizardTestSupport<NovaConfiguration> start(TestPlatform platform, ConfigOverride... extra)
            throws Exception {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("grpc.port", "0"),
                ConfigOverride.config("shutdown.drainDelay", "0s"),
                ConfigOverride.config("jwt.publicKeys", issuerPublicKeyPem())));
        platform.configOverrides().forEach((key, value) -> overrides.add(ConfigOverride.config(key, value)));
        overrides.addAll(List.of(extra));
        DropwizardTestSupport<NovaConfiguration> app = new DropwizardTestSupport<>(KernelTestApplication.class,
                (String) null, overrides.toArray(ConfigOverride[]::new));
        app.before();
        return app;
    }

    static String issuerPublicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestTokens.ISSUER_KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
