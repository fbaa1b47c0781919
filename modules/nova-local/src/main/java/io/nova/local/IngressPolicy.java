package io.nova.local;

import java.util.List;

/**
 * What the Ingress does to every request besides routing, read from its ingress-nginx annotations: CORS and the
 * request body limit. {@code allowedOrigins} containing {@code "*"} allows any origin.
 */
public record IngressPolicy(List<String> allowedOrigins, String allowMethods, String allowHeaders,
                            String exposeHeaders, boolean allowCredentials, long maxBodyBytes) {

    public boolean allows(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }

    public IngressPolicy withAllowedOrigins(List<String> origins) {
        return new IngressPolicy(List.copyOf(origins), allowMethods, allowHeaders, exposeHeaders, allowCredentials,
                maxBodyBytes);
    }
}
