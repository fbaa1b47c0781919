package io.nova.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Kubernetes objects JKube rendered for one environment: the root's cluster-wide ones and every module's. */
public final class RenderedManifests {

    private RenderedManifests() {
    }

    /** Where a module (or the root, for {@code root} itself) keeps the manifest rendered for {@code env}. */
    public static Path manifestOf(Path module, String env) {
        return module.resolve("target/kubernetes").resolve(env).resolve("kubernetes.yml");
    }

    /** Every rendered manifest of {@code env} under the project root, the root's first. */
    public static List<Path> find(Path root, String env) {
        List<Path> found = new ArrayList<>();
        if (Files.exists(manifestOf(root, env))) {
            found.add(manifestOf(root, env));
        }
        try (Stream<Path> modules = Files.list(root.resolve("modules"))) {
            modules.sorted()
                    .map(module -> manifestOf(module, env))
                    .filter(Files::exists)
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static List<HasMetadata> read(Path manifest) {
        try (InputStream in = Files.newInputStream(manifest)) {
            Object parsed = Serialization.unmarshal(in);
            if (parsed instanceof KubernetesList list) {
                return list.getItems();
            }
            if (parsed instanceof HasMetadata single) {
                return List.of(single);
            }
            throw new IllegalStateException(manifest + " holds neither a List nor a Kubernetes object");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<HasMetadata> readAll(Path root, String env) {
        List<HasMetadata> all = new ArrayList<>();
        for (Path manifest : find(root, env)) {
            all.addAll(read(manifest));
        }
        return all;
    }
}
