package io.nova.bench.load;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CPU accounting from the real /proc of this machine: the generator's own work shows up, and nothing is negative. */
class CpuSnapshotTest {

    @Test
    void theGeneratorsOwnWorkIsCountedAndNothingGoesNegative() {
        CpuSnapshot before = CpuSnapshot.take();
        long until = System.nanoTime() + 400_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1);
        }
        CpuSnapshot after = CpuSnapshot.take();
        Map<String, Double> used = after.secondsSince(before);

        assertThat(sink).isPositive();
        assertThat(after.wallSecondsSince(before)).isGreaterThanOrEqualTo(0.4);
        assertThat(used.get(CpuSnapshot.GENERATOR)).as("this JVM spun for 0.4 s").isGreaterThanOrEqualTo(0.25);
        assertThat(used.get(CpuSnapshot.MACHINE)).isGreaterThanOrEqualTo(used.get(CpuSnapshot.GENERATOR) - 0.02);
        assertThat(used.values()).allSatisfy(seconds -> assertThat(seconds).isGreaterThanOrEqualTo(0));
    }
}
