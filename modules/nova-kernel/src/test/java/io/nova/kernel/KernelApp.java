package io.nova.kernel;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.config.NovaConfiguration;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts {@link KernelTestApplication} on free ports against a test class's share of the real platform. */
final class KernelApp {

    private KernelApp() {
    }

    static DropwizardTestSupport<NovaConfiguration> start(TestPlatform platform) throws Exception {
        return start(platform, Map.of());
    }

    /** {@code settings} override the defaults below, key by key. */
    static DropwizardTestSupport<NovaConfiguration> start(TestPlatform platform, Map<String, String> settings)
            throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.applicationConnectors[0].port", "0");
        config.put("server.adminConnectors[0].port", "0");
        config.put("grpc.port", "0");
        config.put("shutdown.drainDelay", "0s");
        config.put("jwt.publicKeys", issuerPublicKeyPem());
        config.putAll(platform.configOverrides());
        config.putAll(settings);
        DropwizardTestSupport<NovaConfiguration> app = new DropwizardTestSupport<>(KernelTestApplication.class,
                (String) null, config.entrySet().stream()
                .map(entry -> ConfigOverride.config(entry.getKey(), entry.getValue()))
                .toArray(ConfigOverride[]::new));
        app.before();
        return app;
    }

    static String issuerPublicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestTokens.ISSUER_KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
