package io.nova.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nova.content.api.CreateCommentRequest;
import io.nova.content.api.CreatePostRequest;
import io.nova.content.api.PostView;
import io.nova.content.resources.CommentsResource;
import io.nova.content.resources.PostsResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes exactly the routes the resources serve, and the JSON shapes they use. */
class OpenApiDocumentTest {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi/content-service.yaml")) {
            assertThat(in).as("openapi/content-service.yaml on the classpath").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyServedRouteIsDocumentedAndNothingElse() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : List.of(PostsResource.class, CommentsResource.class)) {
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
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (Set.of("get", "put", "post", "patch", "delete").contains(operation.getKey())) {
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + normalize(path.getKey()));
            }
        }));
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void referencesResolveAndBodiesMatchTheRecords() throws Exception {
        JsonNode document = document();
        Matcher refs = Pattern.compile("\"\\$ref\":\"#/components/(\\w+)/(\\w+)\"").matcher(document.toString());
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(document.path("components").path(refs.group(1)).has(refs.group(2)))
                    .as(refs.group()).isTrue();
        }
        assertThat(count).isPositive();
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(names(schemas.path("CreatePost"))).isEqualTo(fields(CreatePostRequest.class));
        assertThat(names(schemas.path("CreateComment"))).isEqualTo(fields(CreateCommentRequest.class));
        assertThat(names(schemas.path("Post"))).isEqualTo(fields(PostView.class));
    }

    private static Set<String> names(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> fields(Class<?> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(SNAKE.translate(component.getName()));
        }
        return names;
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
