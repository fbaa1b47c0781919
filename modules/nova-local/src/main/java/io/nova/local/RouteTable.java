package io.nova.local;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which service a request path goes to, decided the way ingress-nginx decides it: among the matching paths the
 * longest wins, and an Exact path beats a Prefix path of the same length.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        // Sorted once so the first match is the winner.
        this.routes = routes.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.path().length()).reversed()
                        .thenComparing(r -> !r.exact()))
                .toList();
    }

    public List<Route> routes() {
        return routes;
    }

    public Optional<Route> match(String path) {
        return routes.stream().filter(r -> r.matches(path)).findFirst();
    }

    /** The backend services the table names. */
    public Set<String> services() {
        Set<String> names = new TreeSet<>();
        routes.forEach(r -> names.add(r.service()));
        return names;
    }
}
