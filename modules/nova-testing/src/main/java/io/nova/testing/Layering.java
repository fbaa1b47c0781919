package io.nova.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one layering every service follows (docs/architecture.md), checked by each service's {@code LayeringTest}:
 * <pre>
 *   io.nova.&lt;service&gt;            wiring (the Application and its configuration): may use every layer
 *   ├─ resources, grpc          adapters: HTTP resources and gRPC server implementations → core, api
 *   ├─ core                     the service's rules → db, api; other services only through interfaces it owns
 *   ├─ clients                  gRPC implementations of core's interfaces to other services → core, api
 *   ├─ db                       SQL → nothing above it
 *   └─ api                      the JSON shapes of requests and views → nothing of the service
 * </pre>
 * No service imports another service's code; only adapters and clients speak gRPC.
 */
public final class Layering {

    private static final List<String> SERVICES = List.of("user", "content", "media", "messaging");

    private final String root;
    private final JavaClasses classes;

    private Layering(String root) {
        this.root = root;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
    }

    /** The production classes under {@code io.nova.<service>} (e.g. {@code "content"}). */
    public static Layering of(String service) {
        return new Layering("io.nova." + service);
    }

    /** Every rule; fails with each violation listed. */
    public void check() {
        layers().check(classes);
        noOtherService().check(classes);
        onlyAdaptersSpeakGrpc().check(classes);
    }

    ArchRule layers() {
        return Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("wiring").definedBy(root)
                .layer("resources").definedBy(root + ".resources..")
                .layer("grpc").definedBy(root + ".grpc..")
                .layer("clients").definedBy(root + ".clients..")
                .layer("core").definedBy(root + ".core..")
                .layer("db").definedBy(root + ".db..")
                .layer("api").definedBy(root + ".api..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("resources").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("grpc").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("clients").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("core").mayOnlyBeAccessedByLayers("wiring", "resources", "grpc", "clients")
                .whereLayer("db").mayOnlyBeAccessedByLayers("wiring", "core")
                .whereLayer("api").mayOnlyBeAccessedByLayers("wiring", "resources", "grpc", "clients", "core");
    }

    ArchRule noOtherService() {
        String[] others = SERVICES.stream().map(s -> "io.nova." + s + "..")
                .filter(p -> !p.equals(root + "..")).toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share code through the kernel and talk through their contracts only");
    }

    ArchRule onlyAdaptersSpeakGrpc() {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".db..", root + ".api..",
                        root + ".resources..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.nova.proto..")
                .because("core owns interfaces to other services; their gRPC implementations live in clients");
    }
}
