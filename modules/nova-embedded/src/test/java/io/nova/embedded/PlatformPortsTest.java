package io.nova.embedded;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Ports handed to servers before they bind come from below the ephemeral range, where no outgoing socket lands. */
class PlatformPortsTest {

    @Test
    void aChosenPortIsBelowTheEphemeralRangeAndFree() throws IOException {
        int ephemeralLow = PlatformPorts.ephemeralRangeLow();
        assertThat(ephemeralLow).isBetween(1_024, 65_535);
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = PlatformPorts.freePort();
            assertThat(port).isLessThan(ephemeralLow).isGreaterThanOrEqualTo(Math.min(20_000, ephemeralLow / 2));
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
            chosen.add(port);
        }
        assertThat(chosen).as("drawn at random, not always the same").hasSizeGreaterThan(1);
    }
}
