package io.nova.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.List;
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
 * and relays bodies as framed ({@link HttpBody}) needs neither: client connections are kept alive between
 * requests and backend connections pooled ({@link BackendPool}), as ingress-nginx does, and after a
 * {@code 101 Switching Protocols} the WebSocket frames are just bytes in both directions. The gateway listens on
 * loopback only.
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
    /** How long an idle client connection is kept open for its next request (nginx's keepalive_timeout is 75 s). */
    private static final int KEEP_ALIVE_MILLIS = 60_000;
    /** A backend that sends nothing for this long has hung; the client gets its connection closed. */
    private static final int BACKEND_TIMEOUT_MILLIS = 300_000;
    /** Request bodies up to this size are held so a request can be resent when a pooled connection was stale. */
    private static final int RESEND_LIMIT = 256 * 1024;
    /** Methods a request may be sent again with, to another replica, when one died under it (RFC 9110 §9.2.2). */
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final RouteTable routes;
    private final IngressPolicy policy;
    private final Backends backends;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final HttpClient health = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final BackendPool pool = new BackendPool((int) CONNECT_TIMEOUT.toMillis());
    private volatile boolean closed;

    private Gateway(RouteTable routes, IngressPolicy policy, Backends backends, ServerSocket server) {
        this.routes = routes;
        this.policy = policy;
        this.backends = backends;
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
        return start(routes, policy, Backends.single(backends), port);
    }

    /** As {@link #start(RouteTable, IngressPolicy, Map, int)}, with one or more replicas per service. */
    static Gateway start(RouteTable routes, IngressPolicy policy, Backends backends, int port) throws IOException {
        for (String service : routes.services()) {
            if (!backends.has(service)) {
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

    /** Serves the connection's requests one after the other until either side ends it (HTTP/1.1 keep-alive). */
    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 16 * 1024);
            int timeout = HEAD_TIMEOUT_MILLIS;
            while (!closed) {
                client.setSoTimeout(timeout);
                Optional<HttpHead> read;
                try {
                    read = HttpHead.read(in);
                } catch (HttpHead.HeadTooLargeException e) {
                    error(client, out, null, 431, "request_header_too_large", e.getMessage());
                    return;
                }
                if (read.isEmpty() || !serveOne(client, in, out, read.get())) {
                    return;
                }
                timeout = KEEP_ALIVE_MILLIS;
            }
        } catch (IOException e) {
            // The client went away, idled out or sent garbage: nothing left to answer.
        }
    }

    /** Answers one request; true when the connection stays open for the next. */
    private boolean serveOne(Socket client, InputStream in, OutputStream out, HttpHead request) throws IOException {
        client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
        String[] line = request.startLine.split(" ");
        if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
            error(client, out, null, 400, "bad_request", "not an HTTP/1.x request line");
            return false;
        }
        String method = line[0];
        String target = originForm(line[1]);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String origin = request.header("Origin").orElse(null);
        if (!isNormalized(path)) {
            // Routing must see the path the backend will see: "/api/v1/posts/../../metrics" is not a post.
            error(client, out, origin, 400, "bad_request", "the path must not contain dot segments or encoded slashes");
            return false;
        }
        HttpBody.Framing framing;
        try {
            framing = RequestFraming.of(request);
        } catch (RequestFraming.Refused e) {
            error(client, out, origin, 400, "bad_request", e.getMessage());
            return false;
        }
        if (method.equals("OPTIONS") && origin != null && request.header("Access-Control-Request-Method").isPresent()) {
            preflight(out, origin);
            return false;
        }
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
            health(client, out, origin, method, path);
            return false;
        }
        if (framing == HttpBody.Framing.LENGTH
                && RequestFraming.length(request.header("Content-Length").orElseThrow()) > policy.maxBodyBytes()) {
            error(client, out, origin, 413, "payload_too_large",
                    "request bodies are limited to " + policy.maxBodyBytes() + " bytes");
            return false;
        }
        Optional<Route> route = routes.match(path);
        if (route.isEmpty()) {
            error(client, out, origin, 404, "not_found", "no route for " + path);
            return false;
        }
        HttpHead forwarded = forwardedHead(client, request, method, target);
        if (isWebSocketUpgrade(request)) {
            tunnel(client, in, out, forwarded, origin, route.get().service());
            return false;
        }
        return exchange(client, in, out, request, framing, forwarded, method, origin, route.get().service());
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

    /**
     * Only WebSocket upgrades are tunnelled. Other upgrade offers (Java's HttpClient offers {@code h2c} on every
     * plain-HTTP request) are dropped, as ingress-nginx does, and the request is served as HTTP/1.1.
     */
    private static boolean isWebSocketUpgrade(HttpHead request) {
        return request.hasToken("Connection", "upgrade") && request.hasToken("Upgrade", "websocket");
    }

    /** The request head as the backend gets it: hop-by-hop fields dropped, the client's address added. */
    private HttpHead forwardedHead(Socket client, HttpHead request, String method, String target) {
        boolean upgrade = isWebSocketUpgrade(request);
        String clientIp = ((InetSocketAddress) client.getRemoteSocketAddress()).getAddress().getHostAddress();
        HttpHead forwarded = new HttpHead(method + " " + target + " HTTP/1.1", new java.util.ArrayList<>(request.headers));
        for (String hop : new String[] {"Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Expect",
                "HTTP2-Settings"}) {
            forwarded.remove(hop);
        }
        if (upgrade) {
            forwarded.set("Connection", "Upgrade");
        } else {
            forwarded.remove("Upgrade");
        }
        // As ingress-nginx does by default: the client address as the proxy saw it, not what the client claims.
        forwarded.set("X-Forwarded-For", clientIp);
        forwarded.set("X-Real-IP", clientIp);
        forwarded.set("X-Forwarded-Proto", "http");
        forwarded.set("X-Forwarded-Port", Integer.toString(port()));
        request.header("Host").ifPresent(host -> forwarded.set("X-Forwarded-Host", host));
        return forwarded;
    }

    /**
     * One request and its response over a pooled backend connection. A small body is read first, so that when a
     * reused connection turns out to have been closed by the backend before answering, the request is sent again
     * on a new one; bigger and chunked bodies stream through on a new connection. True when the client connection
     * stays open.
     */
    private boolean exchange(Socket client, InputStream in, OutputStream out, HttpHead request,
                             HttpBody.Framing requestFraming, HttpHead forwarded, String method, String origin,
                             String service) throws IOException {
        List<InetSocketAddress> replicas = backends.inTurn(service);
        int replica = 0;
        InetSocketAddress address = replicas.get(0);
        if (request.hasToken("Expect", "100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = null;
        if (requestFraming == HttpBody.Framing.NONE) {
            body = new byte[0];
        } else if (requestFraming == HttpBody.Framing.LENGTH && HttpBody.contentLength(request) <= RESEND_LIMIT) {
            body = in.readNBytes((int) HttpBody.contentLength(request));
            if (body.length < HttpBody.contentLength(request)) {
                return false; // the client left before sending its whole body
            }
        }
        boolean clientKeepsAlive = request.startLine.endsWith("HTTP/1.1") && !request.hasToken("Connection", "close");
        for (int attempt = 1; ; attempt++) {
            BackendPool.Connection backend;
            try {
                backend = body != null && attempt == 1 ? pool.borrow(address) : pool.open(address);
            } catch (ConnectException e) {
                if (++replica < replicas.size()) {
                    address = replicas.get(replica); // nothing was sent: the next replica takes it
                    continue;
                }
                error(client, out, origin, 503, "service_unavailable",
                        service + " is not running on " + hostPort(address) + " (see its log)");
                return false;
            } catch (IOException e) {
                error(client, out, origin, 502, "bad_gateway", service + " at " + hostPort(address) + ": " + e);
                return false;
            }
            boolean reusable = false;
            try {
                backend.socket.setSoTimeout(BACKEND_TIMEOUT_MILLIS);
                // Set when the backend stopped taking the request: the rest of the client's body stays unread.
                boolean bodyCutShort = false;
                try {
                    OutputStream toBackend = new BackendOutput(backend.out);
                    toBackend.write(forwarded.bytes());
                    if (body != null) {
                        toBackend.write(body);
                    } else {
                        HttpBody.copy(requestFraming, request, in, toBackend, policy.maxBodyBytes());
                    }
                    toBackend.flush();
                } catch (HttpBody.TooLargeException e) {
                    error(client, out, origin, 413, "payload_too_large",
                            "request bodies are limited to " + policy.maxBodyBytes() + " bytes");
                    return false;
                } catch (HttpBody.MalformedException e) {
                    error(client, out, origin, 400, "bad_request", "malformed chunked body: " + e.getMessage());
                    return false;
                } catch (BackendOutput.WriteFailed e) {
                    // Often an early answer (413, 401) followed by a close: it is read and relayed below.
                    bodyCutShort = body == null;
                }
                // An IOException reading the client's body is not caught: the client is gone, nothing to answer.
                HttpHead response;
                try {
                    response = responseHead(backend.in, out);
                } catch (IOException e) {
                    response = null;
                }
                if (response == null) {
                    if (backend.reused && body != null && attempt == 1) {
                        continue; // the backend had closed the idle connection: once more on a new one
                    }
                    if (body != null && IDEMPOTENT.contains(method) && ++replica < replicas.size()) {
                        // The replica died under the request: a request that may be repeated goes to the next
                        // one (ingress-nginx's proxy_next_upstream); a POST is answered 502, its client retries.
                        address = replicas.get(replica);
                        continue;
                    }
                    error(client, out, origin, 502, "bad_gateway", service + " closed the connection without answering");
                    return false;
                }
                if (response.status() == 0) {
                    error(client, out, origin, 502, "bad_gateway", service + " answered something that is not HTTP");
                    return false;
                }
                HttpBody.Framing responseFraming = HttpBody.ofResponse(method, response);
                boolean keepClient = clientKeepsAlive && !bodyCutShort
                        && responseFraming != HttpBody.Framing.UNTIL_CLOSE;
                boolean keepBackend = !response.hasToken("Connection", "close")
                        && responseFraming != HttpBody.Framing.UNTIL_CLOSE;
                response.remove("Connection");
                response.remove("Keep-Alive");
                if (!keepClient) {
                    response.set("Connection", "close");
                }
                addCors(response, origin);
                out.write(response.bytes());
                HttpBody.copy(responseFraming, response, backend.in, out, Long.MAX_VALUE);
                out.flush();
                reusable = keepBackend && !bodyCutShort;
                if (bodyCutShort) {
                    finishAndDrain(client);
                }
                return keepClient;
            } finally {
                if (reusable) {
                    pool.release(address, backend);
                } else {
                    backend.close();
                }
            }
        }
    }

    /** The final response head; informational ones (103 Early Hints) pass through. Null when the backend hung up. */
    private static HttpHead responseHead(InputStream fromBackend, OutputStream out) throws IOException {
        while (true) {
            Optional<HttpHead> head = HttpHead.read(fromBackend);
            if (head.isEmpty()) {
                return null;
            }
            int status = head.get().status();
            if (status >= 100 && status < 200 && status != 101) {
                if (status != 100) { // the gateway answered Expect itself
                    out.write(head.get().bytes());
                    out.flush();
                }
                continue;
            }
            return head.get();
        }
    }

    /** A connection to the first replica that takes one; refused by all: a ConnectException naming them. */
    private static Socket connectToAny(List<InetSocketAddress> replicas) throws IOException {
        for (InetSocketAddress address : replicas) {
            Socket backend = new Socket();
            try {
                backend.connect(address, (int) CONNECT_TIMEOUT.toMillis());
                return backend;
            } catch (ConnectException refused) {
                backend.close();
            } catch (IOException e) {
                backend.close();
                throw new IOException(hostPort(address) + ": " + e.getMessage(), e);
            }
        }
        throw new ConnectException(String.join(", ", replicas.stream().map(Gateway::hostPort).toList()));
    }

    /** A WebSocket upgrade: after the backend's 101 the connection is a byte pipe both ways until either closes. */
    private void tunnel(Socket client, InputStream in, OutputStream out, HttpHead forwarded, String origin,
                        String service) throws IOException {
        List<InetSocketAddress> replicas = backends.inTurn(service);
        Socket backend;
        try {
            backend = connectToAny(replicas);
        } catch (ConnectException e) {
            error(client, out, origin, 503, "service_unavailable",
                    service + " is not running on " + e.getMessage() + " (see its log)");
            return;
        } catch (IOException e) {
            error(client, out, origin, 502, "bad_gateway", service + ": " + e);
            return;
        }
        try (backend) {
            backend.setTcpNoDelay(true);
            OutputStream toBackend = backend.getOutputStream();
            toBackend.write(forwarded.bytes());
            toBackend.flush();
            client.setSoTimeout(0);
            workers.execute(() -> relay(in, toBackend, backend, client, Long.MAX_VALUE));
            InputStream fromBackend = new BufferedInputStream(backend.getInputStream());
            HttpHead response = responseHead(fromBackend, out);
            if (response == null || response.status() == 0) {
                error(client, out, origin, 502, "bad_gateway", service + " did not answer the upgrade");
                return;
            }
            if (response.status() != 101) {
                response.remove("Keep-Alive");
                response.set("Connection", "close");
            }
            addCors(response, origin);
            out.write(response.bytes());
            out.flush();
            // Flushed per read: WebSocket frames must not wait in a buffer.
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = fromBackend.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
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
                        .append(url(backends.all(e.getKey()).get(0))).append("\"}");
                sep = ",";
            }
            respond(out, origin, ready ? 200 : 503, json.append("}}").toString());
            return;
        }
        String service = path.substring(HEALTH.length() + 1);
        if (!backends.has(service)) {
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

    /** Ready when one of its replicas is, as a Service with one ready pod still serves. */
    private Readiness readiness(String service) {
        Readiness last = null;
        for (InetSocketAddress replica : backends.all(service)) {
            last = readiness(replica);
            if (last.status == 200) {
                return last;
            }
        }
        return last;
    }

    private Readiness readiness(InetSocketAddress replica) {
        try {
            HttpResponse<String> response = health.send(
                    HttpRequest.newBuilder(URI.create(url(replica) + READY_PATH))
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
        finishAndDrain(client);
    }

    private static void finishAndDrain(Socket client) {
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
        if (status == 503) {
            // A backend down is an outage like any other: say when to come back, as the services' own 503s do.
            head.set("Retry-After", "1");
        }
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
        pool.close();
    }
}
