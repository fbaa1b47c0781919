package io.nova.embedded.junit;

import io.nova.embedded.EmbeddedPlatform;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests real PostgreSQL, Redis, Kafka and S3: {@code @ExtendWith(NovaPlatformExtension.class)}, then ask
 * for a {@link TestPlatform} (or the {@link EmbeddedPlatform} itself) as a constructor, lifecycle-method or
 * test-method parameter.
 *
 * <p>The platform starts once per test JVM, on first use, and is shared by every test class: starting it takes
 * seconds, and a JVM full of test classes each starting their own would take minutes. Sharing is safe because
 * each test class gets its own database, bucket, topic prefix and Redis key prefix ({@link TestPlatform}), so
 * classes never see each other's data, whatever order or thread they run in. The platform is closed when JUnit
 * finishes (it lives in the root context's store, which closes what it holds) and otherwise by its JVM
 * shutdown hook.
 */
public final class NovaPlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NovaPlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestPlatform.class || type == EmbeddedPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmbeddedPlatform platform = shared(context);
        if (parameter.getParameter().getType() == EmbeddedPlatform.class) {
            return platform;
        }
        ExtensionContext owner = classContext(context);
        Class<?> testClass = owner.getRequiredTestClass();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(
                testClass, c -> TestPlatform.create(platform, testClass), TestPlatform.class);
    }

    /** The JVM's platform, started by whichever test asks first. */
    static EmbeddedPlatform shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedPlatform.class, k -> SharedPlatform.acquire(), SharedPlatform.class)
                .platform();
    }

    /**
     * The test class the resources belong to: a method's context hands over to its class's, so every method of
     * a class, its constructor and its {@code @BeforeAll} methods share one database and one bucket. A
     * {@code @Nested} class is a class of its own and gets its own.
     */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
