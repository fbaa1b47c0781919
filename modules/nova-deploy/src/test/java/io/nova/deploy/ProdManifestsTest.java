package io.nova.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod manifests, rendered by {@code mvn -Pprod} with the secrets in its environment. */
class ProdManifestsTest extends ManifestContract {

    @Override
    List<HasMetadata> renderedObjects() {
        ProdDeployment prod = ProdDeployment.get();
        assertThat(prod.apply.succeeded()).as("prod render and apply; see %s", prod.apply.log()).isTrue();
        return prod.renderedObjects();
    }

    @Override
    Expected.Environment environment() {
        return Expected.prod();
    }

    @Test
    void secretsCarryTheValuesFromTheEnvironment() {
        Map<String, String> rendered = new HashMap<>();
        for (HasMetadata object : renderedObjects()) {
            if (object instanceof Secret secret) {
                if (secret.getStringData() != null) {
                    rendered.putAll(secret.getStringData());
                }
                if (secret.getData() != null) {
                    rendered.putAll(secret.getData());
                }
            }
        }
        ProdDeployment.get().secrets.forEach((variable, value) -> {
            String key = variable.replace("_BASE64", "");
            assertThat(rendered).as(variable).containsEntry(key, value);
        });
    }
}
