package io.nova.bench.floor;

import io.nova.local.Gateway;
import io.nova.local.IngressFragments;
import io.nova.local.Route;
import io.nova.local.RouteTable;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./nova local}'s gateway in a process of its own, routing the floor's paths (prefixes) to the floor's
 * processes with the Ingress's real policy (CORS, body limit, WebSocket tunnels): the same hop a request takes
 * through {@code ./nova local}, measured apart from Kafka, which shares the launcher's process.
 */
final class FloorGateway {

    private FloorGateway() {
    }

    /** {@code routes}: {@code <path prefix>=<port on 127.0.0.1>} each. */
    static void serve(int port, Path repositoryRoot, List<String> routes) throws Exception {
        List<Route> table = new ArrayList<>();
        Map<String, InetSocketAddress> backends = new HashMap<>();
        for (String route : routes) {
            String[] parts = route.split("=", 2);
            String backend = "floor-" + parts[1];
            table.add(new Route(parts[0], false, backend));
            backends.put(backend, new InetSocketAddress("127.0.0.1", Integer.parseInt(parts[1])));
        }
        Gateway.start(new RouteTable(table), IngressFragments.read(repositoryRoot).policy(List.of()), backends, port);
        System.out.println("floor gateway: 127.0.0.1:" + port + " " + routes);
        Thread.currentThread().join();
    }
}
