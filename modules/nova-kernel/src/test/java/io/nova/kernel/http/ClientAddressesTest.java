package io.nova.kernel.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule: forwarding headers name the client only when the direct peer is a trusted proxy. */
class ClientAddressesTest {

    private final ClientAddresses defaults = ClientAddresses.trusting(ClientAddresses.DEFAULT_TRUSTED);

    @Test
    void anUntrustedPeerIsTheClientWhateverItSends() {
        assertThat(defaults.resolve("203.0.113.7", "198.51.100.1", "198.51.100.2")).isEqualTo("203.0.113.7");
        assertThat(defaults.resolve("2001:db8::7", null, "198.51.100.2")).isEqualTo("2001:db8::7");
    }

    @Test
    void aTrustedPeerIsBelievedRealIpFirst() {
        assertThat(defaults.resolve("10.1.2.3", "203.0.113.7", "198.51.100.2")).isEqualTo("203.0.113.7");
        assertThat(defaults.resolve("127.0.0.1", null, "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(defaults.resolve("0:0:0:0:0:0:0:1", " 203.0.113.9 ", null)).isEqualTo("203.0.113.9");
        assertThat(defaults.resolve("192.168.4.4", null, null)).isEqualTo("192.168.4.4");
    }

    @Test
    void theRightMostUntrustedForwardedHopIsTheClient() {
        // The client wrote "1.1.1.1"; the ingress appended the address it saw, then an inner proxy its own.
        assertThat(defaults.resolve("10.0.0.5", null, "1.1.1.1, 203.0.113.7, 10.0.0.9")).isEqualTo("203.0.113.7");
        // Only trusted hops: the left-most is as far as the chain goes.
        assertThat(defaults.resolve("10.0.0.5", null, "10.0.0.8, 10.0.0.9")).isEqualTo("10.0.0.8");
    }

    @Test
    void theDefaultRangesAreLoopbackAndPrivateOnly() {
        for (String trusted : new String[] {"127.0.0.1", "127.9.9.9", "::1", "10.255.0.1", "172.16.0.1",
                "172.31.255.254", "192.168.0.1", "fd00::1"}) {
            assertThat(defaults.resolve(trusted, "203.0.113.7", null)).as(trusted).isEqualTo("203.0.113.7");
        }
        for (String untrusted : new String[] {"172.32.0.1", "11.0.0.1", "192.169.0.1", "8.8.8.8", "2001:db8::1"}) {
            assertThat(defaults.resolve(untrusted, "203.0.113.7", null)).as(untrusted).isEqualTo(untrusted);
        }
    }

    @Test
    void noTrustedProxiesMeansThePeerAlways() {
        ClientAddresses none = ClientAddresses.trusting(" ");
        assertThat(none.resolve("127.0.0.1", "203.0.113.7", "198.51.100.2")).isEqualTo("127.0.0.1");
    }

    @Test
    void rangesAreParsedStrictly() {
        ClientAddresses one = ClientAddresses.trusting("198.51.100.10, 2001:db8::/32");
        assertThat(one.resolve("198.51.100.10", "203.0.113.7", null)).isEqualTo("203.0.113.7");
        assertThat(one.resolve("198.51.100.11", "203.0.113.7", null)).isEqualTo("198.51.100.11");
        assertThat(one.resolve("2001:db8:ffff::1", "203.0.113.7", null)).isEqualTo("203.0.113.7");
        assertThatThrownBy(() -> ClientAddresses.trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddresses.trusting("ingress.local")).isInstanceOf(IllegalArgumentException.class);
    }
}
