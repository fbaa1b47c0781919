package io.nova.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: surefire passes it; from an IDE the module directory is two levels below. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("nova.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve(IngressFragments.FILES.get(0)))) {
            throw new IllegalStateException("not the Nova repository root: " + root);
        }
        return root;
    }
}
