package io.nova.bench.floor;

import io.nova.local.Gateway;
import io.nova.local.IngressFragments;
import io.nova.local.Route;
import io.nova.local.RouteTable;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./nova local}'s gateway in a process of its own, routing {@code /floor} to the floor's front half with the
 * Ingress's real policy (CORS, body limit): the same hop a feed page takes, measured apart from Kafka, which shares
 * the launcher's process.
 */
final class FloorGateway {

    private FloorGateway() {
    }

    static void serve(int port, int frontPort, Path repositoryRoot) throws Exception {
        RouteTable routes = new RouteTable(List.of(new Route("/floor", false, "floor")));
        Gateway.start(routes, IngressFragments.read(repositoryRoot).policy(List.of()),
                Map.of("floor", new InetSocketAddress("127.0.0.1", frontPort)), port);
        System.out.println("floor gateway: 127.0.0.1:" + port + " -> 127.0.0.1:" + frontPort);
        Thread.currentThread().join();
    }
}
