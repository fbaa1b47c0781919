package io.nova.clients;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** media-service's typed refusals of a claim, read by kind and details (never by message) into the author's 422. */
class MediaRefusalTest {

    private static final String MEDIA = "0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10";

    private static DomainException refused(ErrorKind kind, String message, Map<String, ?> details) {
        return MediaCatalog.refusal(DomainException.of(kind, "whatever_media_says", message, details));
    }

    @Test
    void eachKindOfRefusalIsA422NamingTheMedia() {
        Map<ErrorKind, String> codes = Map.of(ErrorKind.NOT_FOUND, "media_not_found",
                ErrorKind.FORBIDDEN, "media_not_yours",
                ErrorKind.UNPROCESSABLE, "media_not_usable",
                ErrorKind.INVALID, "invalid_media");
        codes.forEach((kind, code) -> {
            DomainException error = refused(kind, "media " + MEDIA + " is not usable", Map.of("media_id", MEDIA));
            assertThat(error.kind()).as(kind.name()).isEqualTo(ErrorKind.UNPROCESSABLE);
            assertThat(error.status()).isEqualTo(422);
            assertThat(error.code()).as(kind.name()).isEqualTo(code);
            assertThat(error.details()).isEqualTo(Map.of("media_id", MEDIA));
            assertThat(error.getMessage()).isEqualTo("Media " + MEDIA + " is not usable");
        });
    }

    @Test
    void aRefusalWithoutAMediaIdHasNoDetailsAndAnEmptyMessageGetsOne() {
        DomainException error = refused(ErrorKind.UNPROCESSABLE, "", Map.of());
        assertThat(error.code()).isEqualTo("media_not_usable");
        assertThat(error.details()).isEmpty();
        assertThat(error.getMessage()).isEqualTo("The media cannot be used here");
    }

    @Test
    void anOutageOrAnythingElseStaysAsItIs() {
        DomainException outage = DomainException.unavailable("dependency_unavailable",
                "media-service did not answer; retry shortly");
        assertThat(MediaCatalog.refusal(outage)).isSameAs(outage);
        DomainException limited = DomainException.of(ErrorKind.RATE_LIMITED, "rate_limited", "slow down");
        assertThat(MediaCatalog.refusal(limited)).isSameAs(limited);
    }
}
