package io.nova.media.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.media.db.MediaPurpose;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which types and sizes each purpose takes, and how a refusal names the limit, without a server. */
class UploadPolicyTest {

    private static final long IMAGE_MAX = 10L * 1024 * 1024;
    private static final long VIDEO_MAX = 500L * 1024 * 1024;
    private final UploadPolicy policy = new UploadPolicy(IMAGE_MAX, VIDEO_MAX);

    @Test
    void eachPurposeTakesItsOwnTypesUpToItsOwnLimit() {
        assertThatCode(() -> policy.check(MediaPurpose.IMAGE, "image/webp", IMAGE_MAX)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(MediaPurpose.VIDEO, "video/mp4", VIDEO_MAX)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(MediaPurpose.REEL, "video/webm", VIDEO_MAX)).doesNotThrowAnyException();
    }

    @Test
    void aTypeThePurposeDoesNotTakeIsInvalidAndNamesTheAllowedOnes() {
        assertThatThrownBy(() -> policy.check(MediaPurpose.IMAGE, "video/mp4", 10))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
                    assertThat(e.code()).isEqualTo("unsupported_content_type");
                    assertThat(e.details()).isEqualTo(Map.of("allowed_content_types", UploadPolicy.IMAGE_TYPES));
                });
        assertThatThrownBy(() -> policy.check(MediaPurpose.REEL, "image/png", 10))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("unsupported_content_type"));
    }

    @Test
    void oneByteOverThePurposesLimitIsTooLargeAndNamesTheUploadLimit() {
        assertThatThrownBy(() -> policy.check(MediaPurpose.IMAGE, "image/png", IMAGE_MAX + 1))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.code()).isEqualTo("upload_too_large");
                    assertThat(e.getMessage()).isEqualTo("A image upload may be at most 10485760 bytes (10 MiB); "
                            + "this one is 10485761 bytes");
                    assertThat(e.details()).isEqualTo(Map.of("limit_bytes", IMAGE_MAX));
                    assertThat(e.retryAfter()).isNull();
                });
        // An image's size is fine for a video: the limits are per purpose.
        assertThatCode(() -> policy.check(MediaPurpose.VIDEO, "video/mp4", IMAGE_MAX + 1)).doesNotThrowAnyException();
    }

    @Test
    void limitsReadAsPeopleWriteThem() {
        assertThat(UploadPolicy.human(10L * 1024 * 1024)).isEqualTo("10 MiB");
        assertThat(UploadPolicy.human(1536)).isEqualTo("1536 bytes");
        assertThat(UploadPolicy.human(2048)).isEqualTo("2 KiB");
        assertThat(UploadPolicy.human(1000)).isEqualTo("1000 bytes");
    }
}
