package io.nova.embedded.junit;

import io.nova.embedded.EmbeddedPlatform;
import io.nova.embedded.ResourceNames;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * One test class's share of the {@link EmbeddedPlatform}: its own PostgreSQL database and S3 bucket, created
 * empty, and its own prefixes for Kafka topics and Redis keys.
 *
 * <p>The names derive from the test class and a random suffix, so they are readable in logs and never collide
 * with another class's — the platform is shared by every class of the JVM, possibly running concurrently.
 */
public final class TestPlatform {

    private final EmbeddedPlatform platform;
    private final String database;
    private final String bucket;
    private final String topicPrefix;
    private final String keyPrefix;

    private TestPlatform(EmbeddedPlatform platform, String database, String bucket, String topicPrefix,
                         String keyPrefix) {
        this.platform = platform;
        this.database = database;
        this.bucket = bucket;
        this.topicPrefix = topicPrefix;
        this.keyPrefix = keyPrefix;
    }

    static TestPlatform create(EmbeddedPlatform platform, Class<?> testClass) {
        return create(platform, testClass.getSimpleName());
    }

    /**
     * {@code testClass}'s share of the JVM's platform for tests that JUnit Jupiter does not run (jqwik properties
     * cannot take Jupiter extensions): the same shared platform, started on first use; nobody closes it but its
     * JVM shutdown hook, or Jupiter's run if one shares this JVM.
     */
    public static TestPlatform forClassOutsideJupiter(Class<?> testClass) {
        return create(SharedPlatform.acquire().platform(), testClass);
    }

    /**
     * Another share of the same platform — its own database, bucket and prefixes — for a second service started by
     * the same test class (content-service's tests run the real user-service and media-service beside it, each
     * with its own database as in production).
     */
    public TestPlatform forAnotherService(String serviceName) {
        return create(platform, serviceName);
    }

    private static TestPlatform create(EmbeddedPlatform platform, String label) {
        String database = ResourceNames.uniqueDatabase(label);
        platform.postgres().createDatabase(database);
        String bucket = platform.s3().createBucket(ResourceNames.uniqueBucket(label));
        String topicPrefix = ResourceNames.uniqueTopicPrefix(label);
        return new TestPlatform(platform, database, bucket, topicPrefix, topicPrefix.replace('.', ':'));
    }

    /** The whole platform, shared with every other test class. */
    public EmbeddedPlatform platform() {
        return platform;
    }

    /** This class's database. */
    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return platform.postgres().jdbcUrl(database);
    }

    public String dbUser() {
        return platform.postgres().user();
    }

    public String dbPassword() {
        return platform.postgres().password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), dbUser(), dbPassword());
    }

    public String redisUri() {
        return platform.redis().uri();
    }

    /** Prefix this class's Redis keys with it: Redis has no per-class databases worth the name. */
    public String redisKeyPrefix() {
        return keyPrefix;
    }

    public String kafkaBootstrapServers() {
        return platform.kafka().bootstrapServers();
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    /** This class's topic {@code name}, created with one partition unless it exists. */
    public String topic(String name) {
        return topic(name, 1);
    }

    /** This class's topic {@code name}, created with {@code partitions} partitions unless it exists. */
    public String topic(String name, int partitions) {
        String topic = topicPrefix + name;
        platform.kafka().createTopic(topic, partitions);
        return topic;
    }

    /** This class's bucket, created empty. */
    public String bucket() {
        return bucket;
    }

    public String s3Endpoint() {
        return platform.s3().endpoint().toString();
    }

    public String s3AccessKey() {
        return platform.s3().accessKey();
    }

    public String s3SecretKey() {
        return platform.s3().secretKey();
    }

    public String s3Region() {
        return platform.s3().region();
    }

    /** The environment a Nova service reads (docs/configuration.md), pointing at this class's resources. */
    public Map<String, String> environment() {
        return platform.environment(database, bucket);
    }

    /**
     * The same settings as Dropwizard configuration overrides ({@code ConfigOverride.config(key, value)}) for a
     * service started in this JVM, where environment variables cannot be set. The keys are those of
     * nova-kernel's nova-defaults.yml.
     */
    public Map<String, String> configOverrides() {
        return Map.ofEntries(
                Map.entry("database.url", jdbcUrl()),
                Map.entry("database.user", dbUser()),
                Map.entry("database.password", dbPassword()),
                Map.entry("redis.url", redisUri()),
                Map.entry("kafka.brokers", kafkaBootstrapServers()),
                Map.entry("s3.endpoint", s3Endpoint()),
                Map.entry("s3.region", s3Region()),
                Map.entry("s3.bucket", bucket()),
                Map.entry("s3.accessKeyId", s3AccessKey()),
                Map.entry("s3.secretAccessKey", s3SecretKey()),
                Map.entry("s3.pathStyle", "true"));
    }

    @Override
    public String toString() {
        return "TestPlatform[database " + database + ", bucket " + bucket + ", topics " + topicPrefix + "*]";
    }
}
