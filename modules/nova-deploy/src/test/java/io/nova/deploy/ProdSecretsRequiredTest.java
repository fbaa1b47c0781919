package io.nova.deploy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A prod render without one of its secrets stops, and says which variable is missing. */
class ProdSecretsRequiredTest {

    @Test
    void aMissingSecretFailsTheProdBuildAndNamesTheVariable() {
        Map<String, String> environment = new HashMap<>();
        for (String name : Expected.SECRETS_FROM_ENVIRONMENT) {
            environment.put(name, "present");
        }
        environment.put("DB_PASSWORD", null);
        // validate is where the check runs, before anything is rendered.
        Maven.Result result = Maven.run("prod-missing-secret", environment, "-Pprod", "-N", "validate");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("DB_PASSWORD");
    }
}
