package io.nova.bench.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The summary reads Gatling's HTML statistics table; these are rows of a real 3.14.9 report. */
class ReportStatsTest {

    private static String rows() throws IOException {
        try (InputStream in = ReportStatsTest.class.getResourceAsStream("/gatling-3.14-stats-rows.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheTreeOfAllRequestsGroupsAndRequests() throws IOException {
        ReportStats all = ReportStats.parse(rows());
        assertThat(all.name()).isEqualTo("All Requests");
        assertThat(all.count()).isEqualTo(3500);
        assertThat(all.ok()).isEqualTo(539);
        assertThat(all.p50()).isEqualTo(5124);
        assertThat(all.p99()).isEqualTo(10022);
        assertThat(all.p999()).isEqualTo(10384);
        assertThat(all.max()).isEqualTo(10484);

        ReportStats level = all.child("level 100 rps");
        assertThat(level.count()).isEqualTo(955);
        assertThat(level.ko()).isEqualTo(719);
        assertThat(level.p95()).isEqualTo(8016);
        assertThat(level.children()).extracting(ReportStats::name)
                .containsExactlyInAnyOrder("compose post", "home feed", "user timeline");
        assertThat(level.child("compose post").count()).isEqualTo(97);
        assertThat(level.children().stream().mapToLong(ReportStats::count).sum()).isEqualTo(level.count());
    }

    @Test
    void aPageWithoutTheTableIsRefusedPlainly() {
        assertThatThrownBy(() -> ReportStats.parse("<html><body>no table</body></html>"))
                .hasMessageContaining("no statistics table");
    }
}
