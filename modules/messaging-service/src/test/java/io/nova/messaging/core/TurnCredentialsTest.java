package io.nova.messaging.core;

import io.nova.messaging.api.IceServersView;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnCredentialsTest {

    private static final UUID USER = UUID.fromString("0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10");

    @Test
    void usernameIsExpiryAndUserAndCredentialIsTheirHmac() {
        TurnCredentials credentials = TurnCredentials.issue("north", USER, Instant.ofEpochSecond(1_700_000_000L),
                3600);
        assertThat(credentials.username()).isEqualTo("1700003600:" + USER);
        assertThat(credentials.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_003_600L));
        // RFC 2202's HMAC-SHA1 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(TurnCredentials.hmacSha1Base64("Jefe", "what do ya want for nothing?"))
                .isEqualTo("7/zfauXrL6LSdBbV8YTfnCWafHk=");
    }

    @Test
    void iceServersHaveStunAloneAndTurnWithCredentials() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        IceServers servers = new IceServers(List.of("stun:stun.example.org:3478"),
                List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"), "s3cret",
                Duration.ofHours(12), clock);
        IceServersView view = servers.forUser(USER);
        assertThat(view.ttl()).isEqualTo(43_200);
        assertThat(view.iceServers()).hasSize(2);
        assertThat(view.iceServers().get(0).username()).isNull();
        assertThat(view.iceServers().get(1).username()).isEqualTo("1700043200:" + USER);
        assertThat(view.iceServers().get(1).credential())
                .isEqualTo(TurnCredentials.hmacSha1Base64("s3cret", "1700043200:" + USER));

        assertThat(new IceServers(List.of(), List.of(), "", Duration.ofHours(1), clock).forUser(USER).iceServers())
                .isEmpty();
        assertThatThrownBy(() -> new IceServers(List.of(), List.of("turn:x"), "", Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
