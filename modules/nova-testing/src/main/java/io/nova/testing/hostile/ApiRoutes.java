package io.nova.testing.hostile;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.nova.testing.RunningService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every request type a running service answers, read from the JAX-RS resources registered in its Jersey
 * application through Jersey's own resource model: a new endpoint is in the list without anyone writing it down.
 */
public final class ApiRoutes {

    private static final Set<Class<? extends Annotation>> NOT_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, FormParam.class, MatrixParam.class, BeanParam.class,
            Context.class);

    private ApiRoutes() {
    }

    public static List<ApiRoute> of(RunningService<?> service) {
        ResourceConfig config = service.environment().jersey().getResourceConfig();
        ObjectMapper mapper = service.environment().getObjectMapper();
        Set<Class<?>> classes = new LinkedHashSet<>();
        config.getInstances().forEach(instance -> classes.add(instance.getClass()));
        classes.addAll(config.getClasses());
        List<ApiRoute> routes = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(Path.class)) {
                collect(Resource.from(type), "", mapper, routes);
            }
        }
        routes.sort(Comparator.comparing(ApiRoute::path).thenComparing(ApiRoute::method));
        return routes;
    }

    private static void collect(Resource resource, String prefix, ObjectMapper mapper, List<ApiRoute> routes) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(route(method, path, mapper));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, mapper, routes);
        }
    }

    private static ApiRoute route(ResourceMethod resourceMethod, String path, ObjectMapper mapper) {
        Method method = resourceMethod.getInvocable().getDefinitionMethod();
        List<String> query = new ArrayList<>();
        Type body = null;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(QueryParam.class)) {
                query.add(parameter.getAnnotation(QueryParam.class).value());
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                query.addAll(beanQueryParams(parameter.getType()));
            } else if (isBody(parameter)) {
                body = parameter.getParameterizedType();
            }
        }
        return new ApiRoute(resourceMethod.getHttpMethod(), path, List.copyOf(query), body != null,
                body == null ? List.of() : fields(mapper, mapper.constructType(body)));
    }

    /** A parameter JAX-RS fills from the request body: none of the parameter annotations, nor Dropwizard's @Auth. */
    private static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (NOT_BODY.contains(annotation.annotationType())
                    || annotation.annotationType().getName().equals("io.dropwizard.auth.Auth")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> beanQueryParams(Class<?> bean) {
        List<String> names = new ArrayList<>();
        List<AnnotatedElement> members = new ArrayList<>(List.of(bean.getDeclaredFields()));
        members.addAll(List.of(bean.getDeclaredMethods()));
        for (AnnotatedElement member : members) {
            QueryParam query = member.getAnnotation(QueryParam.class);
            if (query != null && !(member instanceof Field field && java.lang.reflect.Modifier.isStatic(
                    field.getModifiers()))) {
                names.add(query.value());
            }
        }
        return names;
    }

    /** The JSON names the service's own mapper reads into {@code type}; none for trees and maps. */
    private static List<String> fields(ObjectMapper mapper, JavaType type) {
        if (type.isContainerType() || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(
                type.getRawClass())) {
            return List.of();
        }
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        return description.findProperties().stream().map(BeanPropertyDefinition::getName).toList();
    }

    private static String join(String prefix, String path) {
        if (path == null || path.isEmpty()) {
            return prefix;
        }
        String left = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return left + (path.startsWith("/") ? path : "/" + path);
    }
}
