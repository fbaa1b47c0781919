package io.nova.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import okhttp3.mockwebserver.MockWebServer;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;

/**
 * The prod deployment, done once per test JVM the way an operator does it: secrets in the environment,
 * {@code mvn -Pprod … k8s:apply} against an API server — here the fabric8 mock server, as no cluster exists here.
 */
final class ProdDeployment {

    private static ProdDeployment instance;

    final KubernetesMockServer server;
    /** The secret values handed to the render through the environment, by variable name. */
    final Map<String, String> secrets;
    final Maven.Result apply;

    private ProdDeployment(KubernetesMockServer server, Map<String, String> secrets, Maven.Result apply) {
        this.server = server;
        this.secrets = secrets;
        this.apply = apply;
    }

    static synchronized ProdDeployment get() {
        if (instance == null) {
            KubernetesMockServer server = startApiServer();
            Map<String, String> secrets = randomSecrets();
            // process-classes: compile what the reactor needs and render prod (bound to process-resources) and
            // bundle it; then the same apply an operator runs.
            Maven.Result apply = Maven.run("prod-apply", secrets, "-Pprod", "process-classes", "k8s:apply",
                    "-Djkube.masterUrl=" + masterUrl(server));
            instance = new ProdDeployment(server, secrets, apply);
        }
        return instance;
    }

    List<HasMetadata> renderedObjects() {
        return RenderedManifests.readAll(Maven.ROOT, "prod");
    }

    Maven.Result undeploy() {
        return Maven.run("prod-undeploy", secrets, "-Pprod", "process-classes", "k8s:undeploy",
                "-Djkube.masterUrl=" + masterUrl(server));
    }

    static String masterUrl(KubernetesMockServer server) {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    private static KubernetesMockServer startApiServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init();
        // JKube asks whether it may create Ingresses; the CRUD part of the mock cannot answer that review.
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReturn(201, Map.of(
                        "apiVersion", "authorization.k8s.io/v1",
                        "kind", "SelfSubjectAccessReview",
                        "status", Map.of("allowed", true)))
                .always();
        return server;
    }

    private static Map<String, String> randomSecrets() {
        SecureRandom random = new SecureRandom();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : Expected.SECRETS_FROM_ENVIRONMENT) {
            if (name.endsWith("_BASE64")) {
                byte[] bytes = new byte[48];
                random.nextBytes(bytes);
                secrets.put(name, Base64.getEncoder().encodeToString(bytes));
            } else {
                secrets.put(name, "test-" + name.toLowerCase() + "-" + UUID.randomUUID());
            }
        }
        return secrets;
    }
}
