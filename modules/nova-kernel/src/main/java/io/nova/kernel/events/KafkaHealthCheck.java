package io.nova.kernel.events;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Kafka is reachable when the cluster answers who its brokers are within two seconds. */
public final class KafkaHealthCheck extends HealthCheck implements Managed {

    public static final String NAME = "kafka";

    private final Admin admin;

    public KafkaHealthCheck(String brokers, String clientId) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
    }

    @Override
    protected Result check() throws Exception {
        int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                .nodes().get(3, TimeUnit.SECONDS).size();
        return brokers > 0 ? Result.healthy() : Result.unhealthy("no brokers");
    }

    @Override
    public void stop() {
        admin.close(Duration.ofSeconds(2));
    }
}
