package io.nova.media.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claim rules without a server: each refusal's kind, code, message and media_id, which other services read. */
class ClaimRulesTest {

    private static final String ANN = "0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10";
    private static final String BOB = "7d1f2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b";
    private static final UUID ID = UUID.fromString("3f6c1d2e-9a8b-4c7d-a6e5-f4d3c2b1a098");

    @Test
    void theOwnersReadyUnclaimedMediaMayBeClaimed() {
        assertThatCode(() -> ClaimRules.checkClaim(ID, Optional.of(media(ANN, MediaStatus.READY, null)), ANN,
                "post:1")).doesNotThrowAnyException();
    }

    @Test
    void theSameClaimantMayClaimAgainSoARetryIsSafe() {
        // MediaStore.claim's SQL allows it too: claimed_by IS NULL OR claimed_by = :claimant.
        assertThatCode(() -> ClaimRules.checkClaim(ID, Optional.of(media(ANN, MediaStatus.READY, "post:1")), ANN,
                "post:1")).doesNotThrowAnyException();
    }

    @Test
    void unknownMediaIsNotFound() {
        assertRefused(() -> ClaimRules.checkClaim(ID, Optional.empty(), ANN, "post:1"), ErrorKind.NOT_FOUND,
                "media_not_found", "media " + ID + " does not exist", ID.toString());
    }

    @Test
    void someoneElsesMediaIsForbidden() {
        assertRefused(() -> ClaimRules.checkClaim(ID, Optional.of(media(BOB, MediaStatus.READY, null)), ANN,
                "post:1"), ErrorKind.FORBIDDEN, "media_not_yours", "media " + ID + " belongs to someone else",
                ID.toString());
    }

    @ParameterizedTest
    @EnumSource(value = MediaStatus.class, names = "READY", mode = EnumSource.Mode.EXCLUDE)
    void mediaThatIsNotReadyIsUnprocessable(MediaStatus status) {
        assertRefused(() -> ClaimRules.checkClaim(ID, Optional.of(media(ANN, status, null)), ANN, "post:1"),
                ErrorKind.UNPROCESSABLE, "media_not_ready", "media " + ID + " is " + status.wireName()
                        + ", not ready", ID.toString());
    }

    @Test
    void ownershipIsCheckedBeforeReadiness() {
        // Someone else's pending media says "not yours", never anything about its state.
        assertRefused(() -> ClaimRules.checkClaim(ID, Optional.of(media(BOB, MediaStatus.PENDING, null)), ANN,
                "post:1"), ErrorKind.FORBIDDEN, "media_not_yours", "media " + ID + " belongs to someone else",
                ID.toString());
    }

    @Test
    void mediaHeldByAnotherClaimantIsInUse() {
        assertRefused(() -> ClaimRules.checkClaim(ID, Optional.of(media(ANN, MediaStatus.READY, "post:1")), ANN,
                "message:2"), ErrorKind.UNPROCESSABLE, "media_in_use", "media " + ID + " is already used by post:1",
                ID.toString());
    }

    @Test
    void aClaimNeedsAnOwnerAndAShortClaimant() {
        assertInvalid(() -> ClaimRules.checkClaimRequest("", "post:1"), "owner_id");
        assertInvalid(() -> ClaimRules.checkClaimRequest(" ", "post:1"), "owner_id");
        assertInvalid(() -> ClaimRules.checkClaimRequest(ANN, ""), "claimant");
        assertInvalid(() -> ClaimRules.checkClaimRequest(ANN, "x".repeat(101)), "claimant");
        assertThatCode(() -> ClaimRules.checkClaimRequest(ANN, "x".repeat(100))).doesNotThrowAnyException();
        assertInvalid(() -> ClaimRules.checkReleaseRequest("  "), "claimant");
        assertInvalid(() -> ClaimRules.checkReleaseRequest("x".repeat(101)), "claimant");
    }

    @Test
    void onAUsersBehalfOnlyTheirOwnMediaMayBeClaimed() {
        assertThatCode(() -> ClaimRules.checkCaller(Optional.empty(), ANN)).doesNotThrowAnyException();
        assertThatCode(() -> ClaimRules.checkCaller(Optional.of(ANN), ANN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ClaimRules.checkCaller(Optional.of(BOB), ANN))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }

    @Test
    void onAUsersBehalfOnlyTheirOwnMediaMayBeReleased() {
        List<MediaRow> mixed = List.of(media(ANN, MediaStatus.READY, "post:1"),
                media(BOB, MediaStatus.READY, "post:1"));
        assertThatCode(() -> ClaimRules.checkRelease(Optional.empty(), mixed)).doesNotThrowAnyException();
        assertThatCode(() -> ClaimRules.checkRelease(Optional.of(ANN), List.of(mixed.get(0))))
                .doesNotThrowAnyException();
        assertThatCode(() -> ClaimRules.checkRelease(Optional.of(ANN), List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> ClaimRules.checkRelease(Optional.of(ANN), mixed))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }

    @Test
    void lookingUpSkipsMalformedIdsAndKeepsEachIdOnce() {
        UUID other = UUID.randomUUID();
        assertThat(ClaimRules.ids(List.of(ID.toString(), "nonsense", "1-1-1-1-1", other.toString(), ID.toString()),
                false)).containsExactly(ID, other);
        assertThat(ClaimRules.ids(List.of(), false)).isEmpty();
    }

    @Test
    void claimingRefusesAMalformedIdAsUnknownMedia() {
        assertRefused(() -> ClaimRules.ids(List.of(ID.toString(), "nonsense"), true), ErrorKind.NOT_FOUND,
                "media_not_found", "media nonsense does not exist", "nonsense");
    }

    @Test
    void claimingNothingIsInvalid() {
        assertInvalid(() -> ClaimRules.ids(List.of(), true), "media_ids");
    }

    @Test
    void atMostAHundredIdsPerCall() {
        List<String> hundred = new ArrayList<>(Collections.nCopies(100, ID.toString()));
        assertThat(ClaimRules.ids(hundred, true)).containsExactly(ID);
        hundred.add(UUID.randomUUID().toString());
        assertInvalid(() -> ClaimRules.ids(hundred, false), "media_ids");
        assertInvalid(() -> ClaimRules.ids(hundred, true), "media_ids");
    }

    private static MediaRow media(String owner, MediaStatus status, String claimedBy) {
        return new MediaRow(ID, owner, MediaPurpose.IMAGE, "a.png", "image/png", 10, "originals/a", status, null,
                null, null, null, null, claimedBy, Instant.EPOCH, Instant.EPOCH);
    }

    private static void assertRefused(Runnable check, ErrorKind kind, String code, String message, String mediaId) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.details()).isEqualTo(Map.of("media_id", mediaId));
        });
    }

    private static void assertInvalid(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
            assertThat(e.details()).containsEntry("field", field);
        });
    }
}
