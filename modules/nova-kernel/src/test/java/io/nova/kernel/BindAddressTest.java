package io.nova.kernel;

import io.nova.kernel.config.NovaConfiguration;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTP_BIND_HOST / GRPC_BIND_HOST (and the admin port's ADMIN_BIND_HOST), as {@code nova local} sets them: every
 * port answers on 127.0.0.1 and on no other address — 127.0.0.2 is loopback too, but not the bound address.
 */
class BindAddressTest extends RunningKernelApp {

    @Override
    protected Map<String, String> settings() {
        return Map.of("server.applicationConnectors[0].bindHost", "127.0.0.1",
                "server.adminConnectors[0].bindHost", "127.0.0.1",
                "grpc.bindHost", "127.0.0.1");
    }

    @Test
    void everyPortListensOnLoopbackOnly() throws Exception {
        @SuppressWarnings("unchecked")
        NovaApplication<NovaConfiguration> application = (NovaApplication<NovaConfiguration>) app.getApplication();
        assertThat(application.grpcServer().listenAddresses()).allSatisfy(address ->
                assertThat(((InetSocketAddress) address).getAddress().isLoopbackAddress()).isTrue());
        for (int port : new int[] {app.getLocalPort(), app.getAdminPort(), application.grpcServer().port()}) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.2", port), 2000);
                }
            }).as("port %d on 127.0.0.2", port).isInstanceOf(ConnectException.class);
        }
    }
}
