package io.nova.local;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where each service's replicas listen, and whose turn it is: requests go round-robin, as a Kubernetes Service
 * spreads connections over its ready pods. For one request the gateway tries the replica in turn first and, when it
 * refuses the connection (killed, restarting), the others — as ingress-nginx moves to the next upstream.
 */
final class Backends {

    private final Map<String, List<InetSocketAddress>> replicas;
    private final Map<String, AtomicInteger> turns = new LinkedHashMap<>();

    Backends(Map<String, List<InetSocketAddress>> replicas) {
        Map<String, List<InetSocketAddress>> copy = new LinkedHashMap<>();
        replicas.forEach((service, addresses) -> {
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("no address for " + service);
            }
            copy.put(service, List.copyOf(addresses));
            turns.put(service, new AtomicInteger());
        });
        this.replicas = Map.copyOf(copy);
    }

    static Backends single(Map<String, InetSocketAddress> addresses) {
        Map<String, List<InetSocketAddress>> lists = new LinkedHashMap<>();
        addresses.forEach((service, address) -> lists.put(service, List.of(address)));
        return new Backends(lists);
    }

    boolean has(String service) {
        return replicas.containsKey(service);
    }

    Set<String> services() {
        return replicas.keySet();
    }

    /** Every replica of {@code service}, the one whose turn it is first. */
    List<InetSocketAddress> inTurn(String service) {
        List<InetSocketAddress> all = replicas.get(service);
        if (all.size() == 1) {
            return all;
        }
        int first = Math.floorMod(turns.get(service).getAndIncrement(), all.size());
        List<InetSocketAddress> ordered = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            ordered.add(all.get((first + i) % all.size()));
        }
        return ordered;
    }

    /** The replicas in their configured order. */
    List<InetSocketAddress> all(String service) {
        return replicas.get(service);
    }
}
