package io.nova.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;

/** The dev manifests, as this build rendered them (dev is the default profile). */
class DevManifestsTest extends ManifestContract {

    @Override
    List<HasMetadata> renderedObjects() {
        return RenderedManifests.readAll(Maven.ROOT, "dev");
    }

    @Override
    Expected.Environment environment() {
        return Expected.DEV;
    }
}
