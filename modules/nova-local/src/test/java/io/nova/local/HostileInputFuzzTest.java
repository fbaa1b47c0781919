package io.nova.local;

import io.nova.local.ApiOperations.Operation;
import io.nova.local.HostileRequests.FuzzRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform under hostile input, driven by the four services' OpenAPI documents (issue: "a fuzzer driven
 * by each service's OpenAPI document sends ≥ 10,000 malformed and hostile requests across every endpoint: zero
 * 5xx, zero 200s on another user's resource"). Every documented operation gets the same share of requests, sent
 * through the gateway by attackers (and anonymous or forged callers) at the resources of another user, A.
 *
 * <p>Reproduce a run with {@code -Dfuzz.seed=<the printed seed>}; {@code -Dfuzz.requests} changes how many.
 */
class HostileInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_125L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 12_000);
    private static final int THREADS = 6;
    private static final int ATTACKERS = 4;

    @TempDir
    static Path data;

    private static LocalPlatform platform;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(THREADS)).build();

    private final Map<String, LongAdder> histogram = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perService = new ConcurrentHashMap<>();
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> trespasses = Collections.synchronizedList(new ArrayList<>());
    private final List<String> fuzzerErrors = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(LocalOptions.forTests(Repository.root(), data), status -> { });
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void noHostileRequestIsA5xxOrReachesAnotherUsersResource() throws Exception {
        List<Operation> operations = ApiOperations.read(Repository.root());
        assertThat(operations.stream().map(Operation::service).distinct()).hasSize(4);
        URI gateway = URI.create("http://127.0.0.1:" + platform.gateway().port());
        FuzzTargets targets;
        try {
            targets = FuzzTargets.create(HTTP, gateway, ATTACKERS);
        } catch (AssertionError setupFailed) {
            // The answer alone rarely says why a service refused the setup; its log does.
            for (ServiceProcess process : platform.processes()) {
                List<String> log = java.nio.file.Files.readAllLines(process.log());
                System.out.println("---- " + process.log() + "\n" + String.join("\n",
                        log.subList(Math.max(0, log.size() - 40), log.size())));
            }
            throw setupFailed;
        }
        HostileRequests generator = new HostileRequests(targets, SEED);
        System.out.printf("fuzz: seed %d (-Dfuzz.seed=%d reproduces), %d requests over %d operations, %d threads%n",
                SEED, SEED, REQUESTS, operations.size(), THREADS);

        long began = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < REQUESTS; i++) {
            int index = i;
            workers.execute(() -> {
                try {
                    send(gateway, targets, generator.request(index, operations.get(index % operations.size())));
                } catch (RuntimeException | Error broken) {
                    // The fuzzer's own failure must not pass for a quiet run.
                    fuzzerErrors.add("#" + index + ": " + broken);
                }
            });
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(15, TimeUnit.MINUTES)).as("the fuzz run finished").isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);

        Map<String, Long> statuses = new TreeMap<>();
        histogram.forEach((status, count) -> statuses.put(status, count.sum()));
        long answered = statuses.entrySet().stream().filter(e -> e.getKey().matches("\\d{3}"))
                .mapToLong(Map.Entry::getValue).sum();
        long pastTheGate = statuses.entrySet().stream()
                .filter(e -> e.getKey().matches("\\d{3}") && !e.getKey().equals("401") && !e.getKey().equals("429"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("fuzz: %d answered in %d s; status histogram %s%n", answered, seconds, statuses);
        System.out.printf("fuzz: %d got past authentication and rate limits; per service %s%n", pastTheGate,
                new TreeMap<>(perService.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().sum()))));

        if (!serverErrors.isEmpty()) {
            // The temporary directory goes with the test: show what the services logged about their failures.
            for (ServiceProcess process : platform.processes()) {
                List<String> warnings = java.nio.file.Files.readAllLines(process.log()).stream()
                        .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR")).toList();
                System.out.println("---- warnings of " + process.service().name() + "\n" + String.join("\n",
                        warnings.subList(Math.max(0, warnings.size() - 30), warnings.size())));
            }
        }
        assertThat(fuzzerErrors).as("requests the fuzzer failed to make").isEmpty();
        assertThat(serverErrors).as("5xx answers (%d):%n%s", serverErrors.size(), excerpt(serverErrors)).isEmpty();
        assertThat(trespasses).as("requests that reached A's resources (%d):%n%s", trespasses.size(),
                excerpt(trespasses)).isEmpty();
        assertThat(answered).as("answered requests").isGreaterThanOrEqualTo(10_000);
        assertThat(pastTheGate).as("requests that reached validation, not only the token check or a limit")
                .isGreaterThan(answered / 2);
    }

    private void send(URI gateway, FuzzTargets targets, FuzzRequest fuzz) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + fuzz.path()))
                    .timeout(Duration.ofSeconds(60))
                    .method(fuzz.method(), fuzz.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
            fuzz.headers().forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException unsendable) {
            // java.net.http refuses some header values and URIs itself; nothing reached the server.
            count("unsendable", fuzz);
            return;
        }
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // A server may close the connection on a body it refused (413) before reading it all.
            count("io:" + e.getClass().getSimpleName(), fuzz);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        count(Integer.toString(status), fuzz);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            serverErrors.add(fuzz.describe() + "\n    → " + status + " " + cut(body));
        }
        if (status >= 200 && status < 300) {
            judgeSuccess(targets, fuzz, status, body);
        }
    }

    /** A success is fine only for what the caller may do: never on A's private or owned resources. */
    private void judgeSuccess(FuzzTargets targets, FuzzRequest fuzz, int status, String body) {
        String answer = "\n    → " + status + " " + cut(body);
        boolean plainPath = plainPath(fuzz.path());
        if (plainPath && fuzz.namesPrivate()) {
            trespasses.add("names A's private resource: " + fuzz.describe() + answer);
        }
        if (plainPath && fuzz.changesOwned()) {
            trespasses.add("changes A's post or comment: " + fuzz.describe() + answer);
        }
        if (plainPath && fuzz.operation().secured() && !fuzz.signedIn()) {
            trespasses.add("succeeded without a valid access token: " + fuzz.describe() + answer);
        }
        String sent = fuzz.path() + (fuzz.body() == null ? "" : new String(fuzz.body(), StandardCharsets.UTF_8));
        List<String> secret = new ArrayList<>(targets.privateIds);
        secret.addAll(targets.secrets);
        for (String value : secret) {
            if (body.contains(value) && !sent.contains(value)) {
                trespasses.add("answer holds A's private " + value + ": " + fuzz.describe() + answer);
            }
        }
    }

    /**
     * Whether the path names what its template says: with a raw {@code ..}, {@code .} or an empty segment the
     * server may resolve it to another route (e.g. the caller's own list), where a success is no trespass.
     */
    static boolean plainPath(String path) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        for (String segment : rawPath.substring(1).split("/", -1)) {
            String decoded = segment.toLowerCase().replace("%2e", ".");
            if (decoded.equals(".") || decoded.equals("..") || segment.isEmpty() || segment.contains(";")) {
                return false;
            }
        }
        return true;
    }

    private void count(String status, FuzzRequest fuzz) {
        histogram.computeIfAbsent(status, s -> new LongAdder()).increment();
        perService.computeIfAbsent(fuzz.operation().service(), s -> new LongAdder()).increment();
    }

    private static String excerpt(List<String> lines) {
        List<String> copy;
        synchronized (lines) {
            copy = new ArrayList<>(lines);
        }
        String shown = copy.stream().limit(60).collect(Collectors.joining("\n"));
        return copy.size() > 60 ? shown + "\n… and " + (copy.size() - 60) + " more" : shown;
    }

    private static String cut(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
