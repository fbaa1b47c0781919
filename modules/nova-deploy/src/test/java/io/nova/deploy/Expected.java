package io.nova.deploy;

import java.util.List;
import java.util.Map;

/**
 * What the deployment must look like, written down independently of the fragments that produce it: the numbers
 * come from the deployment requirements (ports, resources, replicas, probes, autoscaling) and the route table.
 */
final class Expected {

    record Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    }

    record Service(String name, int httpPort, int grpcPort, Resources dev, Resources prod) {
        Resources resources(String env) {
            return env.equals("prod") ? prod : dev;
        }
    }

    record Environment(String name, int replicas, int hpaMin, int hpaMax, String logLevel, String imageTag,
                       String pullPolicy, String spreadWhenUnsatisfiable) {
    }

    private static final Resources SMALL_DEV = new Resources("100m", "256Mi", "500m", "512Mi");
    private static final Resources LARGE_DEV = new Resources("150m", "512Mi", "800m", "1Gi");
    private static final Resources SMALL_PROD = new Resources("200m", "512Mi", "1000m", "1Gi");
    private static final Resources LARGE_PROD = new Resources("300m", "1Gi", "1500m", "2Gi");

    static final List<Service> SERVICES = List.of(
            new Service("content-service", 8081, 9081, SMALL_DEV, SMALL_PROD),
            new Service("media-service", 8082, 9082, LARGE_DEV, LARGE_PROD),
            new Service("user-service", 8083, 9083, SMALL_DEV, SMALL_PROD),
            new Service("messaging-service", 8084, 9084, LARGE_DEV, LARGE_PROD));

    static final Environment DEV =
            new Environment("dev", 1, 1, 3, "DEBUG", "dev-latest", "Always", "ScheduleAnyway");

    static Environment prod() {
        return new Environment("prod", 3, 2, 10, "INFO", System.getProperty("nova.version"), "IfNotPresent",
                "DoNotSchedule");
    }

    /** The gateway route table: path → service. */
    static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("/api/v1/auth", "user-service"),
            Map.entry("/api/v1/users", "user-service"),
            Map.entry("/api/v1/relationships", "user-service"),
            Map.entry("/api/v1/feed", "user-service"),
            Map.entry("/api/v1/discover", "user-service"),
            Map.entry("/.well-known/jwks.json", "user-service"),
            Map.entry("/api/v1/posts", "content-service"),
            Map.entry("/api/v1/uploads", "media-service"),
            Map.entry("/api/v1/videos", "media-service"),
            Map.entry("/api/v1/reels", "media-service"),
            Map.entry("/api/v1/messages", "messaging-service"),
            Map.entry("/api/v1/conversations", "messaging-service"),
            Map.entry("/api/v1/calls", "messaging-service"),
            Map.entry("/api/v1/notifications", "messaging-service"),
            Map.entry("/ws", "messaging-service"));

    static final List<String> SECRETS_FROM_ENVIRONMENT = List.of(
            "DATABASE_URL", "DB_USER", "DB_PASSWORD", "REDIS_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_REGION", "S3_BUCKET", "JWT_PRIVATE_KEY_PEM_BASE64", "JWT_PUBLIC_KEY_PEM_BASE64", "CALL_TURN_SECRET");

    private Expected() {
    }
}
