package io.nova.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local stand-in for the Ingress: one port, the Ingress's route table, its CORS answers and body limit, and
 * {@code X-Forwarded-For}/{@code X-Real-IP} for the services.
 *
 * <p>Why a small proxy of our own on plain sockets rather than a library: Jetty's ProxyServlet proxies HTTP but not
 * the WebSocket upgrade {@code /ws} needs, and vertx-http-proxy would bring a second Netty and an event loop model
 * nothing else here uses, for behaviour nobody here has verified. A reverse proxy that decides on the request head
 * and then relays bytes needs neither: after a {@code 101 Switching Protocols} the WebSocket frames are just more
 * bytes in both directions, so HTTP and WebSocket take the same code path. The price is one request per
 * connection ({@code Connection: close} both ways), which is irrelevant on a laptop and keeps the proxy free of
 * HTTP message framing. The gateway listens on loopback only.
 *
 * <p>Besides the routes it answers {@code GET /_gateway/health} (every backend's readiness, 200 only when all are
 * ready) and {@code GET /_gateway/health/<service>} (that service's {@code /api/v1/health/ready}, passed
 * through): the services' own health paths are not in the route table, exactly as in the cluster.
 */
public final class Gateway implements AutoCloseable {

    static final String HEALTH = "/_gateway/health";
    private static final String READY_PATH = "/api/v1/health/ready";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** A client gets this long to send its request head; a socket that sends nothing is not kept forever. */
    private static final int HEAD_TIMEOUT_MILLIS = 30_000;

    private final RouteTable routes;
    private final IngressPolicy policy;
    private final Map<String, InetSocketAddress> backends;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final HttpClient health = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private volatile boolean closed;

    private Gateway(RouteTable routes, IngressPolicy policy, Map<String, InetSocketAddress> backends,
                    ServerSocket server) {
        this.routes = routes;
        this.policy = policy;
        this.backends = Map.copyOf(backends);
        this.server = server;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds 127.0.0.1:{@code port} ({@code 0}: a free port) and starts serving.
     *
     * @param backends where each service of the route table listens
     */
    public static Gateway start(RouteTable routes, IngressPolicy policy, Map<String, InetSocketAddress> backends,
                                int port) throws IOException {
        for (String service : routes.services()) {
            if (!backends.containsKey(service)) {
                throw new IllegalArgumentException("no address for " + service + ", which the route table names");
            }
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            server.close();
            throw new IOException("the gateway cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is something else using the port?", e);
        }
        Gateway gateway = new Gateway(routes, policy, backends, server);
        Thread acceptor = new Thread(gateway::acceptLoop, "gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return gateway;
    }

    public int port() {
        return server.getLocalPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("gateway: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            Optional<HttpHead> read;
            try {
                read = HttpHead.read(in);
            } catch (HttpHead.HeadTooLargeException e) {
                error(client, out, null, 431, "request_header_too_large", e.getMessage());
                return;
            }
            if (read.isEmpty()) {
                return;
            }
            HttpHead request = read.get();
            String[] line = request.startLine.split(" ");
            if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
                error(client, out, null, 400, "bad_request", "not an HTTP/1.x request line");
                return;
            }
            String method = line[0];
            String target = originForm(line[1]);
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            String origin = request.header("Origin").orElse(null);
            if (!isNormalized(path)) {
                // Routing must see the path the backend will see: "/api/v1/posts/../../metrics" is not a post.
                error(client, out, origin, 400, "bad_request", "the path must not contain dot segments or encoded slashes");
                return;
            }

            if (method.equals("OPTIONS") && origin != null && request.header("Access-Control-Request-Method").isPresent()) {
                preflight(out, origin);
                return;
            }
            if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
                health(client, out, origin, method, path);
                return;
            }
            Optional<String> length = request.header("Content-Length");
            if (length.isPresent() && declaredTooLarge(length.get())) {
                error(client, out, origin, 413, "payload_too_large",
                        "request bodies are limited to " + policy.maxBodyBytes() + " bytes");
                return;
            }
            Optional<Route> route = routes.match(path);
            if (route.isEmpty()) {
                error(client, out, origin, 404, "not_found", "no route for " + path);
                return;
            }
            proxy(client, in, out, request, method, target, origin, route.get().service());
        } catch (IOException e) {
            // The client went away or sent garbage: nothing left to answer.
        }
    }

    /** No "." or ".." segment, plainly or percent-encoded, and no encoded slash or backslash. */
    static boolean isNormalized(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** An absolute-form target ({@code http://host/path}) becomes {@code /path}, the form servers expect. */
    private static String originForm(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("://") + 3);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }

    private boolean declaredTooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > policy.maxBodyBytes();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void proxy(Socket client, InputStream in, OutputStream out, HttpHead request, String method,
                       String target, String origin, String service) throws IOException {
        InetSocketAddress address = backends.get(service);
        Socket backend = new Socket();
        try {
            backend.connect(address, (int) CONNECT_TIMEOUT.toMillis());
        } catch (ConnectException e) {
            backend.close();
            error(client, out, origin, 503, "service_unavailable",
                    service + " is not running on " + hostPort(address) + " (see its log)");
            return;
        } catch (IOException e) {
            backend.close();
            error(client, out, origin, 502, "bad_gateway", service + " at " + hostPort(address) + ": " + e);
            return;
        }
        try (backend) {
            backend.setTcpNoDelay(true);
            boolean upgrade = request.hasToken("Connection", "upgrade") && request.header("Upgrade").isPresent();
            String clientIp = ((InetSocketAddress) client.getRemoteSocketAddress()).getAddress().getHostAddress();
            HttpHead forwarded = new HttpHead(method + " " + target + " HTTP/1.1", request.headers);
            for (String hop : new String[] {"Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer"}) {
                forwarded.remove(hop);
            }
            if (upgrade) {
                forwarded.set("Connection", "Upgrade");
            } else {
                forwarded.remove("Upgrade");
                forwarded.set("Connection", "close");
            }
            // As ingress-nginx does by default: the client address as the proxy saw it, not what the client claims.
            forwarded.set("X-Forwarded-For", clientIp);
            forwarded.set("X-Real-IP", clientIp);
            forwarded.set("X-Forwarded-Proto", "http");
            forwarded.set("X-Forwarded-Port", Integer.toString(port()));
            request.header("Host").ifPresent(host -> forwarded.set("X-Forwarded-Host", host));

            OutputStream toBackend = backend.getOutputStream();
            toBackend.write(forwarded.bytes());
            toBackend.flush();
            client.setSoTimeout(0);
            // Without a Content-Length (chunked) the limit is enforced on the bytes relayed.
            long limit = request.header("Content-Length").isPresent() || upgrade ? Long.MAX_VALUE
                    : policy.maxBodyBytes() + 64 * 1024;
            workers.execute(() -> relay(in, toBackend, backend, client, limit));

            InputStream fromBackend = new BufferedInputStream(backend.getInputStream());
            HttpHead response;
            while (true) {
                Optional<HttpHead> head = HttpHead.read(fromBackend);
                if (head.isEmpty()) {
                    error(client, out, origin, 502, "bad_gateway", service + " closed the connection without answering");
                    return;
                }
                response = head.get();
                int status = response.status();
                if (status == 0) {
                    error(client, out, origin, 502, "bad_gateway", service + " answered something that is not HTTP");
                    return;
                }
                if (status >= 100 && status < 200 && status != 101) {
                    out.write(response.bytes()); // 100 Continue and friends pass through unchanged
                    out.flush();
                    continue;
                }
                break;
            }
            if (response.status() != 101) {
                response.remove("Keep-Alive");
                response.set("Connection", "close");
            }
            addCors(response, origin);
            out.write(response.bytes());
            out.flush();
            fromBackend.transferTo(out);
            out.flush();
        } catch (SocketTimeoutException e) {
            // Never raised once the head is sent (timeouts are off); kept for clarity of intent.
        } catch (IOException e) {
            // One side hung up; closing both (try-with-resources here, serve() for the client) ends the relay.
        }
    }

    /** Client → backend bytes until either side closes; past {@code limit} the exchange is cut off. */
    private static void relay(InputStream from, OutputStream to, Socket backend, Socket client, long limit) {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    client.close();
                    backend.close();
                    return;
                }
                to.write(buffer, 0, n);
                to.flush();
            }
            backend.shutdownOutput();
        } catch (IOException e) {
            // The response is complete or a side went away.
        }
    }

    private void addCors(HttpHead response, String origin) {
        if (origin == null || !policy.allows(origin)) {
            return;
        }
        // With credentials a browser refuses "*", so the allowed origin is echoed, and caches must know it varies.
        response.set("Access-Control-Allow-Origin", origin);
        if (policy.allowCredentials()) {
            response.set("Access-Control-Allow-Credentials", "true");
        }
        if (!policy.exposeHeaders().isBlank()) {
            response.set("Access-Control-Expose-Headers", policy.exposeHeaders());
        }
        String vary = response.header("Vary").orElse("");
        if (!vary.toLowerCase(java.util.Locale.ROOT).contains("origin")) {
            response.set("Vary", vary.isBlank() ? "Origin" : vary + ", Origin");
        }
    }

    private void preflight(OutputStream out, String origin) throws IOException {
        HttpHead response = new HttpHead("HTTP/1.1 204 No Content", new java.util.ArrayList<>());
        if (policy.allows(origin)) {
            addCors(response, origin);
            response.set("Access-Control-Allow-Methods", policy.allowMethods());
            response.set("Access-Control-Allow-Headers", policy.allowHeaders());
            response.set("Access-Control-Max-Age", "1728000");
        }
        response.set("Content-Length", "0");
        response.set("Connection", "close");
        out.write(response.bytes());
        out.flush();
    }

    private void health(Socket client, OutputStream out, String origin, String method, String path)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            error(client, out, origin, 405, "method_not_allowed", "use GET");
            return;
        }
        if (path.equals(HEALTH)) {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            routes.services().forEach(s -> statuses.put(s, readiness(s).status));
            boolean ready = statuses.values().stream().allMatch(s -> s == 200);
            StringBuilder json = new StringBuilder("{\"status\":\"").append(ready ? "ready" : "not_ready")
                    .append("\",\"services\":{");
            String sep = "";
            for (Map.Entry<String, Integer> e : statuses.entrySet()) {
                json.append(sep).append('"').append(e.getKey()).append("\":{\"ready\":").append(e.getValue() == 200)
                        .append(",\"status\":").append(e.getValue()).append(",\"url\":\"")
                        .append(url(backends.get(e.getKey()))).append("\"}");
                sep = ",";
            }
            respond(out, origin, ready ? 200 : 503, json.append("}}").toString());
            return;
        }
        String service = path.substring(HEALTH.length() + 1);
        if (!backends.containsKey(service)) {
            error(client, out, origin, 404, "not_found", "no service " + service + "; known: " + routes.services());
            return;
        }
        Readiness r = readiness(service);
        if (r.status == 0) {
            error(client, out, origin, 503, "service_unavailable", service + " does not answer: " + r.body);
        } else {
            respond(out, origin, r.status, r.body);
        }
    }

    private record Readiness(int status, String body) {
    }

    private Readiness readiness(String service) {
        try {
            HttpResponse<String> response = health.send(
                    HttpRequest.newBuilder(URI.create(url(backends.get(service)) + READY_PATH))
                            .timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Readiness(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Readiness(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(0, "interrupted");
        }
    }

    private static String url(InetSocketAddress address) {
        return "http://" + hostPort(address);
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /** An error in the API's error format ({@code {"error": code, "message": text}}), then the connection ends. */
    private void error(Socket client, OutputStream out, String origin, int status, String code, String message)
            throws IOException {
        respond(out, origin, status, "{\"error\":\"" + code + "\",\"message\":\"" + jsonEscape(message) + "\"}");
        // Unread request bytes make close() send a reset, which can destroy the answer before the client reads
        // it (a 413 for a body still being sent): finish our side, then drain briefly.
        try {
            client.shutdownOutput();
            client.setSoTimeout(1000);
            InputStream in = client.getInputStream();
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            int n;
            while (drained < 8L * 1024 * 1024 && (n = in.read(sink)) >= 0) {
                drained += n;
            }
        } catch (IOException e) {
            // Timed out or reset: done either way.
        }
    }

    private void respond(OutputStream out, String origin, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpHead head = new HttpHead("HTTP/1.1 " + status + " " + reason(status), new java.util.ArrayList<>());
        head.set("Content-Type", "application/json");
        head.set("Content-Length", Integer.toString(body.length));
        head.set("Cache-Control", "no-store");
        head.set("Connection", "close");
        addCors(head, origin);
        out.write(head.bytes());
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        workers.shutdownNow();
    }
}
