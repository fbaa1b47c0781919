package io.nova.local;

/**
 * One Ingress path: {@code Exact} matches the path only; {@code Prefix} matches the path and everything below it,
 * element by element as Kubernetes defines it ({@code /api/v1/posts} matches {@code /api/v1/posts/1} but not
 * {@code /api/v1/postsX}).
 */
public record Route(String path, boolean exact, String service) {

    public Route {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("an Ingress path starts with '/': " + path);
        }
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("no backend service for " + path);
        }
    }

    public boolean matches(String requestPath) {
        if (exact) {
            return requestPath.equals(path);
        }
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (prefix.isEmpty()) {
            return true;
        }
        return requestPath.equals(prefix)
                || (requestPath.startsWith(prefix) && requestPath.charAt(prefix.length()) == '/');
    }
}
