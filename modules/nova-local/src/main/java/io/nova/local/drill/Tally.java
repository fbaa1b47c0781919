package io.nova.local.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every answer a drill's clients got, by status. What counts against a drill: a 5xx other than a 503 that says
 * when to retry ({@code Retry-After}), and a request that got no answer at all — an outage must be answered, and
 * answered as one. The gateway's 502 for a request whose replica died under it is counted apart: only the replica
 * drill may have those, one per request in flight at the kill.
 */
final class Tally {

    private static final int EXAMPLES = 10;

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();
    private long requests;
    private long unavailable;
    private long cutInFlight;
    private long failures;
    private long slowestMillis;

    synchronized void record(String method, String path, DrillClient.Answer answer, long millis) {
        requests++;
        byStatus.merge(answer.status(), 1L, Long::sum);
        slowestMillis = Math.max(slowestMillis, millis);
        if (answer.status() == 503 && answer.retryAfter().isPresent()) {
            unavailable++;
        } else if (answer.status() == 502 && answer.body().path("error").asText().equals("bad_gateway")) {
            // The gateway's answer when the replica serving the request died under it.
            cutInFlight++;
        } else if (answer.status() >= 500 || answer.status() == 0) {
            failures++;
            if (examples.size() < EXAMPLES) {
                examples.add(method + " " + path + " → " + answer.status() + " after " + millis + " ms: "
                        + answer.excerpt());
            }
        }
    }

    synchronized long requests() {
        return requests;
    }

    /** 503 with Retry-After: the documented answer to an outage. */
    synchronized long unavailable() {
        return unavailable;
    }

    /** The gateway's 502: a replica died while it served the request (nothing else answers 502 here). */
    synchronized long cutInFlight() {
        return cutInFlight;
    }

    /** Any other 5xx, and requests that got no answer. Must be 0. */
    synchronized long failures() {
        return failures;
    }

    synchronized long slowestMillis() {
        return slowestMillis;
    }

    synchronized Map<Integer, Long> byStatus() {
        return new TreeMap<>(byStatus);
    }

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }
}
