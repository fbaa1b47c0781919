package io.nova.local.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One drill's outcome. It passes when nothing acknowledged was lost or doubled, every answer was either a success,
 * a client error the request earned, or a 503 with Retry-After (in the replica drill also a 502 for a request in
 * flight on the killed replica), and every write was acknowledged in the end.
 */
record DrillResult(Fault fault, Duration outage, int rate, long requests, long acknowledged, long unavailable,
                   long cutInFlight, long failures, long refused, Duration longestWriteGap, int socketReconnects,
                   int socketResyncs, Verifier.Findings findings,
                   Map<Integer, Long> byStatus, List<String> examples, List<String> refusals) {

    boolean passed() {
        return failures == 0 && refused == 0 && findings.clean()
                && (cutInFlight == 0 || fault == Fault.REPLICA_KILL);
    }

    static String tableHeader() {
        return "| drill | load | requests | writes acknowledged | 503 + Retry-After | 502 in flight | "
                + "other 5xx / no answer | writes refused | longest write gap | sockets reconnected / resync | lost | twice "
                + "| verdict |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    String tableRow() {
        return "| " + fault.command() + (outage.isZero() ? "" : " (" + outage.toSeconds() + " s)") + " | "
                + rate + " req/s | " + requests + " | " + acknowledged + " | " + unavailable + " | " + cutInFlight
                + " | " + failures
                + " | " + refused + " | " + String.format("%.1f s", longestWriteGap.toMillis() / 1000.0) + " | " + socketReconnects + " / "
                + socketResyncs + " | " + findings.lost() + " | " + findings.duplicated() + " | " + (passed() ? "pass" : "**FAIL**") + " |";
    }

    /** The table row, the status counts, and what went wrong, for a terminal or a test failure. */
    String explain() {
        List<String> lines = new ArrayList<>();
        lines.add(fault.command() + ": " + fault.description());
        lines.add("  statuses: " + byStatus);
        examples.forEach(e -> lines.add("  5xx/no answer: " + e));
        refusals.forEach(e -> lines.add("  refused: " + e));
        findings.details().forEach(d -> lines.add("  " + d));
        return String.join("\n", lines);
    }
}
