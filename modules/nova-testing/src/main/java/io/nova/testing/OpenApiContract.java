package io.nova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps a service's OpenAPI document in step with its code: the routes its resources serve are exactly the ones
 * documented, every {@code $ref} resolves, and a schema lists exactly a record's (snake_case) fields.
 */
public final class OpenApiContract {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();
    private static final Set<String> VERBS = Set.of("get", "put", "post", "patch", "delete");

    private final JsonNode document;

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** The document at {@code resource} on the classpath (e.g. {@code /openapi/content-service.yaml}). */
    public static OpenApiContract load(String resource) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every route the resource classes serve is documented, and nothing else is. */
    public void documentsExactly(Class<?>... resources) {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    served.add(verb + " " + normalize(base + (sub == null ? "" : sub.value())));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (VERBS.contains(operation.getKey())) {
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + normalize(path.getKey()));
            }
        }));
        assertThat(documented).isEqualTo(served);
    }

    /** Every {@code $ref} names a component that exists (and there is at least one). */
    public void referencesResolve() {
        Matcher refs = Pattern.compile("\"\\$ref\":\"#/components/(\\w+)/(\\w+)\"").matcher(document.toString());
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(document.path("components").path(refs.group(1)).has(refs.group(2))).as(refs.group()).isTrue();
        }
        assertThat(count).isPositive();
    }

    /** Schema {@code name} has exactly the JSON fields of {@code record}. */
    public void schemaMatches(String name, Class<?> record) {
        Set<String> documented = new TreeSet<>();
        document.path("components").path("schemas").path(name).path("properties").fieldNames()
                .forEachRemaining(documented::add);
        Set<String> fields = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            fields.add(SNAKE.translate(component.getName()));
        }
        assertThat(documented).as(name).isEqualTo(fields);
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** Path parameters by position only: {@code {id}} and {@code {postId}} are the same route. */
    private static String normalize(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("/+$", "");
    }
}
