package io.nova.local.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every answer a drill's clients got, by status. What counts against a drill: a 5xx other than a 503 that says
 * when to retry ({@code Retry-After}), and a request that got no answer at all — an outage must be answered, and
 * answered as one.
 */
final class Tally {

    private static final int EXAMPLES = 10;

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();
    private long requests;
    private long unavailable;
    private long failures;
    private long slowestMillis;

    synchronized void record(String method, String path, DrillClient.Answer answer, long millis) {
        requests++;
        byStatus.merge(answer.status(), 1L, Long::sum);
        slowestMillis = Math.max(slowestMillis, millis);
        if (answer.status() == 503 && answer.retryAfter().isPresent()) {
            unavailable++;
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
