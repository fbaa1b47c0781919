package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvatarRulesTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID MEDIA = UUID.randomUUID();

    private static MediaLibrary.Item item(UUID owner, boolean image, MediaLibrary.State state) {
        return new MediaLibrary.Item(MEDIA, owner, image, state, Map.of("thumbnail", "https://s3/t"),
                Instant.now().plusSeconds(3600), "");
    }

    private static void assertRefusal(DomainException e, ErrorKind kind, String code, String message) {
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static void assertChecked(MediaLibrary.Item item, ErrorKind kind, String code, String message) {
        assertThatThrownBy(() -> AvatarRules.check(ANN, item)).isInstanceOfSatisfying(DomainException.class,
                e -> assertRefusal(e, kind, code, message));
    }

    @Test
    void ownReadyImageIsAccepted() {
        assertThatCode(() -> AvatarRules.check(ANN, item(ANN, true, MediaLibrary.State.READY)))
                .doesNotThrowAnyException();
    }

    @Test
    void someoneElsesMediaIsRefusedBeforeAnythingElseIsSaidAboutIt() {
        assertChecked(item(UUID.randomUUID(), false, MediaLibrary.State.PENDING), ErrorKind.FORBIDDEN, "forbidden",
                "Media " + MEDIA + " is not yours");
        assertChecked(item(null, true, MediaLibrary.State.READY), ErrorKind.FORBIDDEN, "forbidden",
                "Media " + MEDIA + " is not yours");
    }

    @Test
    void anOwnVideoIsNotAnAvatar() {
        assertChecked(item(ANN, false, MediaLibrary.State.READY), ErrorKind.UNPROCESSABLE, "avatar_not_an_image",
                "Media " + MEDIA + " is not an image");
    }

    @Test
    void anUnfinishedImageIsNotReadyAndSaysWhereItIs() {
        assertChecked(item(ANN, true, MediaLibrary.State.PENDING), ErrorKind.UNPROCESSABLE, "media_not_ready",
                "Media " + MEDIA + " is not ready yet (it is pending); set it once its upload is complete and "
                        + "processed");
        assertChecked(item(ANN, true, MediaLibrary.State.PROCESSING), ErrorKind.UNPROCESSABLE, "media_not_ready",
                "Media " + MEDIA + " is not ready yet (it is processing); set it once its upload is complete and "
                        + "processed");
        assertChecked(item(ANN, true, MediaLibrary.State.FAILED), ErrorKind.UNPROCESSABLE, "media_not_ready",
                "Media " + MEDIA + " is not ready yet (it is failed); set it once its upload is complete and "
                        + "processed");
    }

    @Test
    void mediaServiceRefusalsAreReadByKindNotByMessage() {
        assertRefusal(AvatarRules.refusal(MEDIA, DomainException.of(ErrorKind.NOT_FOUND, "media_not_found",
                        "whatever the peer says")),
                ErrorKind.UNPROCESSABLE, "avatar_not_found", "Media " + MEDIA + " does not exist");
        assertRefusal(AvatarRules.refusal(MEDIA, DomainException.of(ErrorKind.FORBIDDEN, "media_not_yours",
                        "a user may only claim their own media")),
                ErrorKind.FORBIDDEN, "forbidden", "Media " + MEDIA + " is not yours");
    }

    @Test
    void anUnusableClaimKeepsMediaServicesExplanation() {
        assertRefusal(AvatarRules.refusal(MEDIA, DomainException.unprocessable("media_in_use",
                        "media " + MEDIA + " is already used by post:1")),
                ErrorKind.UNPROCESSABLE, "media_unavailable",
                "Media " + MEDIA + " cannot be used: media " + MEDIA + " is already used by post:1");
    }

    @Test
    void anOutageOrAnyOtherFailureMeansAvatarsCannotBeCheckedNow() {
        DomainException down = DomainException.unavailable("dependency_unavailable",
                "media-service did not answer; retry shortly");
        DomainException invalid = DomainException.invalid("invalid_id", "media_ids must be ids");
        for (DomainException failure : new DomainException[] {down, invalid}) {
            assertRefusal(AvatarRules.refusal(MEDIA, failure), ErrorKind.UNAVAILABLE, "media_service_unavailable",
                    "Avatars cannot be checked right now; try again shortly");
        }
    }

    @Test
    void unknownMediaIsAnUnprocessableAvatar() {
        assertRefusal(AvatarRules.notFound(MEDIA), ErrorKind.UNPROCESSABLE, "avatar_not_found",
                "Media " + MEDIA + " does not exist");
    }
}
