package io.nova.kernel.analytics;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The check speaks ClickHouse's HTTP interface: GET /ping answers "Ok." with 200. */
class ClickHouseHealthCheckTest {

    @Test
    void healthyOnlyWhenPingAnswers200() throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ping", exchange -> {
            byte[] body = "Ok.\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ClickHouseConfig config = new ClickHouseConfig();
            config.setUrl("http://127.0.0.1:" + server.getAddress().getPort());
            ClickHouseHealthCheck check = new ClickHouseHealthCheck(config);
            assertThat(check.execute().isHealthy()).isTrue();
            status.set(503);
            assertThat(check.execute().isHealthy()).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableIsUnhealthy() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ClickHouseConfig config = new ClickHouseConfig();
        config.setUrl("http://127.0.0.1:" + port + "/");
        assertThat(new ClickHouseHealthCheck(config).execute().isHealthy()).isFalse();
        assertThat(new ClickHouseConfig().isEnabled()).isFalse();
    }
}
