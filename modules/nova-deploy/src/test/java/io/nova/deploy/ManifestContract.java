package io.nova.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything the rendered manifests of one environment must hold. Dev and prod each run all of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ManifestContract {

    private static final Set<String> REMOVED_API_VERSIONS = Set.of(
            "extensions/v1beta1", "batch/v1beta1", "apps/v1beta1", "apps/v1beta2", "policy/v1beta1",
            "autoscaling/v2beta1", "autoscaling/v2beta2", "networking.k8s.io/v1beta1");

    private List<HasMetadata> objects;
    private Expected.Environment env;

    abstract List<HasMetadata> renderedObjects();

    abstract Expected.Environment environment();

    @BeforeAll
    void load() {
        objects = renderedObjects();
        env = environment();
        assertThat(objects).as("rendered objects for %s", env.name()).isNotEmpty();
    }

    private <T extends HasMetadata> T find(Class<T> type, String name) {
        return objects.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " is not rendered"));
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyObjectLivesInTheNovaNamespace() {
        for (HasMetadata object : objects) {
            if (object instanceof Namespace) {
                assertThat(object.getMetadata().getName()).isEqualTo("nova");
            } else {
                assertThat(object.getMetadata().getNamespace()).as(id(object)).isEqualTo("nova");
            }
        }
        assertThat(objects.stream().map(ManifestContract::id).distinct().count()).isEqualTo(objects.size());
    }

    @Test
    void noRemovedApiVersion() {
        for (HasMetadata object : objects) {
            assertThat(object.getApiVersion()).as(id(object)).isNotIn(REMOVED_API_VERSIONS);
        }
        assertThat(all(Ingress.class)).allSatisfy(i -> assertThat(i.getApiVersion()).isEqualTo("networking.k8s.io/v1"));
        assertThat(all(HorizontalPodAutoscaler.class)).allSatisfy(h -> assertThat(h.getApiVersion()).isEqualTo("autoscaling/v2"));
        assertThat(all(PodDisruptionBudget.class)).allSatisfy(p -> assertThat(p.getApiVersion()).isEqualTo("policy/v1"));
    }

    @Test
    void noUnknownFields() {
        for (HasMetadata object : objects) {
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(object, id(object), unknown);
            assertThat(unknown).as("fields the Kubernetes schema does not know").isEmpty();
        }
    }

    @Test
    void deploymentsMatchTheRequirements() {
        for (Expected.Service expected : Expected.SERVICES) {
            Deployment deployment = find(Deployment.class, expected.name());
            assertThat(deployment.getApiVersion()).isEqualTo("apps/v1");
            assertThat(deployment.getSpec().getReplicas()).as(expected.name()).isEqualTo(env.replicas());
            assertThat(deployment.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", expected.name())
                    .containsEntry("app.kubernetes.io/part-of", "nova")
                    .containsKeys("app.kubernetes.io/instance", "app.kubernetes.io/version",
                            "app.kubernetes.io/component", "app.kubernetes.io/managed-by");

            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", Integer.toString(expected.httpPort()))
                    .containsEntry("prometheus.io/path", "/metrics");

            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30L);
            assertThat(pod.getServiceAccountName()).isEqualTo(expected.name());
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

            List<WeightedPodAffinityTerm> antiAffinity =
                    pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            assertThat(antiAffinity).hasSize(1);
            assertThat(antiAffinity.get(0).getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(antiAffinity.get(0).getPodAffinityTerm().getLabelSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", expected.name());

            assertThat(pod.getTopologySpreadConstraints()).hasSize(1);
            TopologySpreadConstraint spread = pod.getTopologySpreadConstraints().get(0);
            assertThat(spread.getMaxSkew()).isEqualTo(1);
            assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(spread.getWhenUnsatisfiable()).isEqualTo(env.spreadWhenUnsatisfiable());

            assertThat(pod.getContainers()).hasSize(1);
            Container container = pod.getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("nova/" + expected.name() + ":" + env.imageTag());
            assertThat(container.getImagePullPolicy()).isEqualTo(env.pullPolicy());
            assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("http", expected.httpPort()),
                            org.assertj.core.groups.Tuple.tuple("grpc", expected.grpcPort()),
                            org.assertj.core.groups.Tuple.tuple("admin", adminPort(container)));
            assertThat(adminPort(container)).isNotIn(8081, 8082, 8083, 8084, 9081, 9082, 9083, 9084);

            Expected.Resources resources = expected.resources(env.name());
            assertThat(container.getResources().getRequests())
                    .containsEntry("cpu", new Quantity(resources.cpuRequest()))
                    .containsEntry("memory", new Quantity(resources.memoryRequest()));
            assertThat(container.getResources().getLimits())
                    .containsEntry("cpu", new Quantity(resources.cpuLimit()))
                    .containsEntry("memory", new Quantity(resources.memoryLimit()));

            assertProbe(container.getStartupProbe(), "/api/v1/health", null, 5, 30);
            assertProbe(container.getLivenessProbe(), "/api/v1/health/live", 30, 10, null);
            assertProbe(container.getReadinessProbe(), "/api/v1/health/ready", 10, 5, null);

            var security = container.getSecurityContext();
            assertThat(security.getRunAsUser()).isEqualTo(1000L);
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                assertThat(mount.getMountPath()).isEqualTo("/tmp");
                assertThat(pod.getVolumes()).anySatisfy(volume -> {
                    assertThat(volume.getName()).isEqualTo(mount.getName());
                    assertThat(volume.getEmptyDir()).isNotNull();
                });
            });

            assertThat(container.getEnvFrom()).extracting(ManifestContract::sourceName)
                    .contains("nova-config", "nova-db-credentials", "nova-redis-credentials", "nova-jwt-public-key",
                            expected.name() + "-secrets");
        }
    }

    @Test
    void servicesExposeHttpAndGrpcAndSelectOnlyTheirOwnPods() {
        for (Expected.Service expected : Expected.SERVICES) {
            Service service = find(Service.class, expected.name());
            assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName, ServicePort::getPort)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("http", expected.httpPort()),
                            org.assertj.core.groups.Tuple.tuple("grpc", expected.grpcPort()));
            assertSelectsOnly(expected.name(), service.getSpec().getSelector(), "Service " + expected.name());
            assertThat(find(ServiceAccount.class, expected.name()).getAutomountServiceAccountToken()).isFalse();
        }
    }

    @Test
    void autoscalersMatchTheRequirements() {
        for (Expected.Service expected : Expected.SERVICES) {
            HorizontalPodAutoscaler hpa = find(HorizontalPodAutoscaler.class, expected.name());
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(expected.name());
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(env.hpaMin());
            assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(env.hpaMax());
            Map<String, Integer> targets = hpa.getSpec().getMetrics().stream().collect(Collectors.toMap(
                    (MetricSpec metric) -> metric.getResource().getName(),
                    metric -> metric.getResource().getTarget().getAverageUtilization()));
            assertThat(targets).containsExactlyInAnyOrderEntriesOf(Map.of("cpu", 70, "memory", 80));
            assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
        }
    }

    @Test
    void disruptionBudgetsCoverOnlyTheirService() {
        for (Expected.Service expected : Expected.SERVICES) {
            PodDisruptionBudget pdb = find(PodDisruptionBudget.class, expected.name());
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            assertSelectsOnly(expected.name(), pdb.getSpec().getSelector().getMatchLabels(), "PDB " + expected.name());
        }
    }

    @Test
    void clusterWideObjectsExist() {
        find(Namespace.class, "nova");
        ConfigMap config = find(ConfigMap.class, "nova-config");
        assertThat(config.getData())
                .containsEntry("LOG_LEVEL", env.logLevel())
                .containsEntry("LOG_FORMAT", "json")
                .containsKeys("APP_ENV", "KAFKA_BROKERS", "CLICKHOUSE_URL", "CALL_STUN_URLS", "CALL_TURN_URLS")
                // Service-to-service gRPC by the Services' names and their gRPC ports.
                .containsEntry("USER_SERVICE_GRPC", "user-service:9083")
                .containsEntry("MEDIA_SERVICE_GRPC", "media-service:9082")
                .containsEntry("CONTENT_SERVICE_GRPC", "content-service:9081")
                .containsEntry("MESSAGING_SERVICE_GRPC", "messaging-service:9084");
        assertThat(secretKeys("nova-db-credentials")).contains("DATABASE_URL", "DB_USER", "DB_PASSWORD");
        assertThat(secretKeys("nova-redis-credentials")).contains("REDIS_URL");
        assertThat(secretKeys("nova-jwt-public-key")).contains("JWT_PUBLIC_KEY_PEM");
        assertThat(secretKeys("user-service-secrets")).contains("JWT_PRIVATE_KEY_PEM");
        assertThat(secretKeys("media-service-secrets"))
                .contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "S3_BUCKET");
        assertThat(secretKeys("messaging-service-secrets")).contains("CALL_TURN_SECRET");
        for (Secret secret : all(Secret.class)) {
            Map<String, String> values = new HashMap<>();
            if (secret.getStringData() != null) {
                values.putAll(secret.getStringData());
            }
            if (secret.getData() != null) {
                values.putAll(secret.getData());
            }
            assertThat(values.values()).as("secret %s has an unrendered placeholder", secret.getMetadata().getName())
                    .noneMatch(value -> value != null && value.contains("${"));
        }
    }

    @Test
    void ingressRoutesEveryPathOfTheRouteTable() {
        Map<String, String> routes = new HashMap<>();
        for (Ingress ingress : all(Ingress.class)) {
            assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
            Map<String, String> annotations = ingress.getMetadata().getAnnotations();
            assertThat(annotations)
                    .containsEntry("nginx.ingress.kubernetes.io/enable-cors", "true")
                    .containsEntry("nginx.ingress.kubernetes.io/cors-allow-methods",
                            "GET, POST, PUT, PATCH, DELETE, OPTIONS")
                    .containsEntry("nginx.ingress.kubernetes.io/cors-allow-credentials", "true")
                    .containsEntry("nginx.ingress.kubernetes.io/limit-rps", "100")
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "100m")
                    .containsKey("nginx.ingress.kubernetes.io/cors-allow-origin");
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
                    assertThat(routes.put(path.getPath(), path.getBackend().getService().getName()))
                            .as("%s is routed twice", path.getPath()).isNull();
                    if (path.getPath().equals("/ws")) {
                        assertThat(annotations)
                                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                                .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
                    }
                }
            }
        }
        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Expected.ROUTES);
    }

    @Test
    void networkPoliciesDenyByDefaultAndAllowWhatNovaNeeds() {
        NetworkPolicy deny = find(NetworkPolicy.class, "default-deny");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();

        NetworkPolicy controller = find(NetworkPolicy.class, "allow-ingress-controller");
        assertThat(controller.getSpec().getIngress().get(0).getFrom())
                .anySatisfy(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));

        NetworkPolicy pods = find(NetworkPolicy.class, "allow-nova-pods");
        assertThat(pods.getSpec().getIngress().get(0).getFrom())
                .anySatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/part-of", "nova"));

        NetworkPolicy egress = find(NetworkPolicy.class, "allow-egress");
        List<String> allowed = egress.getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream())
                .map(ManifestContract::portId)
                .toList();
        assertThat(allowed).contains("53/UDP", "53/TCP", "5432/TCP", "6379/TCP", "9092/TCP", "8123/TCP", "443/TCP");
        for (Expected.Service service : Expected.SERVICES) {
            assertThat(allowed).contains(service.grpcPort() + "/TCP");
        }
    }

    private void assertSelectsOnly(String owner, Map<String, String> selector, String what) {
        assertThat(selector).as(what).isNotEmpty();
        for (Deployment deployment : all(Deployment.class)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean selects = podLabels.entrySet().containsAll(selector.entrySet());
            assertThat(selects).as("%s selects pods of %s", what, deployment.getMetadata().getName())
                    .isEqualTo(deployment.getMetadata().getName().equals(owner));
        }
    }

    private Set<String> secretKeys(String name) {
        Secret secret = find(Secret.class, name);
        Set<String> keys = new java.util.HashSet<>();
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        return keys;
    }

    private static void assertProbe(Probe probe, String path, Integer initialDelay, int period, Integer failures) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(probe.getPeriodSeconds()).as(path + " period").isEqualTo(period);
        if (initialDelay != null) {
            assertThat(probe.getInitialDelaySeconds()).as(path + " initial delay").isEqualTo(initialDelay);
        }
        if (failures != null) {
            assertThat(probe.getFailureThreshold()).as(path + " failure threshold").isEqualTo(failures);
        }
    }

    private static int adminPort(Container container) {
        return container.getPorts().stream().filter(port -> "admin".equals(port.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no admin port")).getContainerPort();
    }

    private static String sourceName(EnvFromSource source) {
        return source.getConfigMapRef() != null ? source.getConfigMapRef().getName() : source.getSecretRef().getName();
    }

    private static String portId(NetworkPolicyPort port) {
        return (port.getPort().getIntVal() != null ? port.getPort().getIntVal() : port.getPort().getStrVal())
                + "/" + port.getProtocol();
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    /** Walks the typed model; any field fabric8 could not map lands in an additionalProperties map. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }
}
