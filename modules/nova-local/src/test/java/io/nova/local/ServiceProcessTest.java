package io.nova.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

    @Test
    void smallFootprintOptionsUnlessReplaced() {
        assertThat(ServiceProcess.jvmOptions(null)).isEqualTo(ServiceProcess.JVM_OPTIONS)
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(ServiceProcess.jvmOptions("  ")).isEqualTo(ServiceProcess.JVM_OPTIONS);
        assertThat(ServiceProcess.jvmOptions(" -Xmx300m   -XX:+UseSerialGC "))
                .containsExactly("-Xmx300m", "-XX:+UseSerialGC");
    }
}
