package io.nova.kernel.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.nova.kernel.analytics.ClickHouseConfig;
import io.nova.kernel.auth.JwtConfig;
import io.nova.kernel.events.KafkaConfig;
import io.nova.kernel.redis.RedisConfig;
import io.nova.kernel.storage.S3Config;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The configuration every Nova service has; a service extends it with its own blocks. */
public class NovaConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    /** Run Flyway at start; off when a `db migrate` Job migrates before the rollout. */
    private boolean migrateOnStart = true;

    @Valid
    @NotNull
    private RedisConfig redis = new RedisConfig();

    @Valid
    @NotNull
    private KafkaConfig kafka = new KafkaConfig();

    @Valid
    @NotNull
    private JwtConfig jwt = new JwtConfig();

    /** Only in the configuration of services that use S3 (their own {@code <service>.yml}). */
    @Valid
    private S3Config s3;

    /** Only in the configuration of services that use ClickHouse. */
    @Valid
    private ClickHouseConfig clickhouse;

    @Valid
    @NotNull
    private GrpcConfig grpc = new GrpcConfig();

    @Valid
    @NotNull
    private ShutdownConfig shutdown = new ShutdownConfig();

    /** Requests with a larger body get 413; media goes to S3 directly, so API bodies are small. */
    @NotNull
    @MaxDataSize(value = 100, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxRequestBody;

    /**
     * Peers whose X-Real-IP / X-Forwarded-For name the client (TRUSTED_PROXIES: comma-separated CIDRs; blank: none).
     * Anyone else is taken to be the client, whatever headers it sends (see io.nova.kernel.http.ClientAddresses).
     */
    @NotNull
    private String trustedProxies = io.nova.kernel.http.ClientAddresses.DEFAULT_TRUSTED;

    /** local, dev, staging, prod … (APP_ENV). Shown in logs and health output; never changes behaviour by itself. */
    @NotBlank
    private String environment;

    @JsonProperty
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public RedisConfig getRedis() {
        return redis;
    }

    @JsonProperty
    public void setRedis(RedisConfig redis) {
        this.redis = redis;
    }

    @JsonProperty
    public KafkaConfig getKafka() {
        return kafka;
    }

    @JsonProperty
    public void setKafka(KafkaConfig kafka) {
        this.kafka = kafka;
    }

    @JsonProperty
    public JwtConfig getJwt() {
        return jwt;
    }

    @JsonProperty
    public void setJwt(JwtConfig jwt) {
        this.jwt = jwt;
    }

    @JsonProperty
    public S3Config getS3() {
        return s3;
    }

    @JsonProperty
    public void setS3(S3Config s3) {
        this.s3 = s3;
    }

    @JsonProperty
    public ClickHouseConfig getClickhouse() {
        return clickhouse;
    }

    @JsonProperty
    public void setClickhouse(ClickHouseConfig clickhouse) {
        this.clickhouse = clickhouse;
    }

    @JsonProperty
    public GrpcConfig getGrpc() {
        return grpc;
    }

    @JsonProperty
    public void setGrpc(GrpcConfig grpc) {
        this.grpc = grpc;
    }

    @JsonProperty
    public ShutdownConfig getShutdown() {
        return shutdown;
    }

    @JsonProperty
    public void setShutdown(ShutdownConfig shutdown) {
        this.shutdown = shutdown;
    }

    @JsonProperty
    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    @JsonProperty
    public void setMaxRequestBody(DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }

    @JsonProperty
    public String getTrustedProxies() {
        return trustedProxies;
    }

    @JsonProperty
    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @JsonProperty
    public String getEnvironment() {
        return environment;
    }

    @JsonProperty
    public void setEnvironment(String environment) {
        this.environment = environment;
    }
}
