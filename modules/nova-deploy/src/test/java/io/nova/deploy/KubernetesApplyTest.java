package io.nova.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code k8s:apply} then {@code k8s:undeploy} of the prod manifests of every module, through the JKube plugin. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesApplyTest {

    @Test
    @Order(1)
    void applyCreatesEveryRenderedObjectInItsNamespace() {
        ProdDeployment prod = ProdDeployment.get();
        assertThat(prod.apply.succeeded()).as("k8s:apply; see %s", prod.apply.log()).isTrue();
        List<HasMetadata> rendered = prod.renderedObjects();
        assertThat(rendered).hasSizeGreaterThanOrEqualTo(30);
        try (KubernetesClient client = prod.server.createClient()) {
            for (HasMetadata object : rendered) {
                HasMetadata stored = client.resource(object).inNamespace(namespaceOf(object)).get();
                assertThat(stored).as("%s in the API server", ManifestContract.id(object)).isNotNull();
                if (!"Namespace".equals(object.getKind())) {
                    assertThat(stored.getMetadata().getNamespace()).isEqualTo("nova");
                }
            }
        }
    }

    @Test
    @Order(2)
    void undeployRemovesThemAgain() {
        ProdDeployment prod = ProdDeployment.get();
        Maven.Result undeploy = prod.undeploy();
        assertThat(undeploy.succeeded()).as("k8s:undeploy; see %s", undeploy.log()).isTrue();
        try (KubernetesClient client = prod.server.createClient()) {
            for (HasMetadata object : prod.renderedObjects()) {
                assertThat(client.resource(object).inNamespace(namespaceOf(object)).get())
                        .as("%s after undeploy", ManifestContract.id(object)).isNull();
            }
        }
    }

    private static String namespaceOf(HasMetadata object) {
        return object.getMetadata().getNamespace() == null ? "nova" : object.getMetadata().getNamespace();
    }
}
