package io.nova.bench.load;

import java.io.IOException;
import java.nio.file.Path;

/** The realtime run in one table: sends, losses and send-to-receive latency, warm-up apart. */
final class RealtimeSummary {

    private RealtimeSummary() {
    }

    static String write(Path report) throws IOException {
        ReportStats all = ReportStats.read(report);
        StringBuilder out = new StringBuilder("## realtime delivery\n\n"
                + "| phase | messages | not delivered in 10 s | p50 ms | p95 | p99 | p99.9 | max |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (String phase : new String[] {"warm-up send to receive", "send to receive"}) {
            ReportStats group = all.child(phase);
            if (group != null) {
                out.append(String.format("| %s | %d | %d | %s | %s | %s | %s | %s |%n", phase, group.count(), group.ko(),
                        ReportStats.ms(group.p50()), ReportStats.ms(group.p95()), ReportStats.ms(group.p99()),
                        ReportStats.ms(group.p999()), ReportStats.ms(group.max())));
            }
        }
        return out.toString();
    }
}
