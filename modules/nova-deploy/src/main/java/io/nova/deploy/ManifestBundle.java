package io.nova.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes every object of one environment into a single multi-document YAML file, in an order kubectl can apply
 * (the Namespace and what pods consume before the workloads), for reviewers and for {@code kubectl apply -f}.
 *
 * <p>Usage: {@code ManifestBundle <project root> <env> <output file>}
 */
public final class ManifestBundle {

    /** Kinds in apply order; anything else goes last. */
    private static final List<String> ORDER = List.of(
            "Namespace", "NetworkPolicy", "ServiceAccount", "ConfigMap", "Secret", "Service",
            "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress");

    private ManifestBundle() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ManifestBundle <project root> <env> <output file>");
        }
        Path root = Path.of(args[0]);
        String env = args[1];
        Path output = Path.of(args[2]);
        List<HasMetadata> objects = RenderedManifests.readAll(root, env);
        if (objects.isEmpty()) {
            throw new IllegalStateException("no rendered manifests for '" + env + "' under " + root);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, bundle(objects), StandardCharsets.UTF_8);
        System.out.printf("Wrote %d objects for %s to %s%n", objects.size(), env, output);
    }

    static String bundle(List<HasMetadata> objects) {
        Set<String> seen = new HashSet<>();
        StringBuilder yaml = new StringBuilder();
        objects.stream()
                .sorted(Comparator.comparingInt(ManifestBundle::rank)
                        .thenComparing(object -> object.getMetadata().getName()))
                .forEach(object -> {
                    String id = object.getKind() + "/" + object.getMetadata().getName();
                    if (!seen.add(id)) {
                        throw new IllegalStateException(id + " is rendered by more than one module");
                    }
                    String document = Serialization.asYaml(object);
                    yaml.append(document.startsWith("---") ? "" : "---\n").append(document);
                });
        return yaml.toString();
    }

    private static int rank(HasMetadata object) {
        int index = ORDER.indexOf(object.getKind());
        return index < 0 ? ORDER.size() : index;
    }
}
