package io.nova.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** target/nova-dev.yml holds every rendered dev object once, the Namespace first. */
class ManifestBundleTest {

    @Test
    void bundleHoldsEveryObjectOnceInApplyOrder() throws IOException {
        Path bundle = Path.of("target/nova-dev.yml");
        assertThat(bundle).exists();
        List<HasMetadata> bundled = Serialization.unmarshal(Files.newInputStream(bundle));
        List<String> rendered = RenderedManifests.readAll(Maven.ROOT, "dev").stream().map(ManifestContract::id).toList();
        assertThat(bundled).extracting(ManifestContract::id).containsExactlyInAnyOrderElementsOf(rendered);
        assertThat(bundled.get(0).getKind()).isEqualTo("Namespace");
        int lastSecret = indexOfLast(bundled, "Secret");
        int firstDeployment = indexOfFirst(bundled, "Deployment");
        assertThat(lastSecret).isLessThan(firstDeployment);
    }

    private static int indexOfFirst(List<HasMetadata> objects, String kind) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).getKind().equals(kind)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfLast(List<HasMetadata> objects, String kind) {
        for (int i = objects.size() - 1; i >= 0; i--) {
            if (objects.get(i).getKind().equals(kind)) {
                return i;
            }
        }
        return -1;
    }
}
