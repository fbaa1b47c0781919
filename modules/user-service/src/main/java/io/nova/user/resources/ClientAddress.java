package io.nova.user.resources;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The client's address as the kernel's rate limits see it: only the ingress controller and Nova pods can reach a
 * service (NetworkPolicies), so the address the ingress reports (X-Real-IP, else the first X-Forwarded-For hop)
 * is the client's; without either, the peer's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpHeaders headers, HttpServletRequest servlet) {
        String realIp = headers.getHeaderString("X-Real-IP");
        if (realIp != null && !realIp.isBlank()) {
            return realIp.strip();
        }
        String forwarded = headers.getHeaderString("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return servlet == null ? "unknown" : servlet.getRemoteAddr();
    }
}
