package io.nova.kernel.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is, for per-address limits: the connection's peer, unless that peer is a trusted proxy (the
 * ingress controller, the local gateway), whose {@code X-Real-IP} or {@code X-Forwarded-For} then names the client.
 *
 * <p>Why not always trust the headers: anyone who reaches a service directly can write them, and would get a fresh
 * rate-limit bucket per request. Within {@code X-Forwarded-For} the right-most hop that is not itself a trusted
 * proxy is taken, since hops to its left were written by the client. What a trusted proxy reports is used as it
 * is (never looked up in DNS). {@link ClientAddressFilter} resolves the address once per request; {@link #of} reads it.
 */
public final class ClientAddresses {

    /** Loopback, and the private ranges a cluster's pods (the ingress controller among them) get addresses from. */
    public static final String DEFAULT_TRUSTED = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

    static final String ATTRIBUTE = ClientAddresses.class.getName();

    private final List<Cidr> trusted;

    private ClientAddresses(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** Comma-separated ranges ({@code 10.0.0.0/8,::1}); blank trusts no proxy. */
    public static ClientAddresses trusting(String ranges) {
        return new ClientAddresses(Arrays.stream(ranges.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Cidr::parse).toList());
    }

    /** The client's address for a connection from {@code peer} with the given headers (either may be null). */
    public String resolve(String peer, String realIp, String forwardedFor) {
        Optional<InetAddress> direct = Cidr.IpLiteral.parse(peer == null ? "" : peer);
        if (direct.isEmpty() || !isTrusted(direct.get())) {
            return peer == null ? "unknown" : peer;
        }
        if (realIp != null && !realIp.isBlank()) {
            return realIp.strip();
        }
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                Optional<InetAddress> address = Cidr.IpLiteral.parse(hop);
                if (!hop.isEmpty() && (address.isEmpty() || !isTrusted(address.get()) || i == 0)) {
                    return hop;
                }
            }
        }
        return peer;
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** The address {@link ClientAddressFilter} resolved for this request; the peer's when it did not run. */
    public static String of(HttpServletRequest request) {
        if (request == null) {
            return "unknown";
        }
        return request.getAttribute(ATTRIBUTE) instanceof String address ? address : request.getRemoteAddr();
    }

    /** The same from a JAX-RS filter: Jersey shows the servlet request's attributes as properties. */
    public static String of(ContainerRequestContext request) {
        return request.getProperty(ATTRIBUTE) instanceof String address ? address : "unknown";
    }
}
