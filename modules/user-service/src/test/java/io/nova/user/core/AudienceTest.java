package io.nova.user.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.user.db.GraphStore.Relation;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudienceTest {

    private static final UUID ME = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final String PRIVATE = "This account is private: only its followers see whom it follows and who "
            + "follows it";

    private static Relation relation(boolean following, boolean followedBy, boolean blocking, boolean blockedBy) {
        return new Relation(OTHER, following, followedBy, blocking, blockedBy);
    }

    private static void assertRefused(Runnable rule, ErrorKind kind, String code, String message) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aProfileIsSeenByAnyoneItsOwnerDoesNotBlock() {
        assertThat(Audience.maySeeProfile(ME, OTHER, false)).isTrue();
        assertThat(Audience.maySeeProfile(ME, OTHER, true)).isFalse();
    }

    @Test
    void oneAlwaysSeesOnesOwnProfile() {
        assertThat(Audience.maySeeProfile(ME, ME, false)).isTrue();
        assertThat(Audience.maySeeProfile(ME, ME, true)).isTrue();
    }

    @Test
    void ownListsAreAlwaysVisibleEvenWhenPrivate() {
        assertThatCode(() -> Audience.requireMaySeeLists(ME, ME, true, Relation.none(ME), ME.toString()))
                .doesNotThrowAnyException();
    }

    @Test
    void aPublicAccountsListsAreVisibleToAnyoneItDoesNotBlock() {
        assertThatCode(() -> Audience.requireMaySeeLists(ME, OTHER, false, Relation.none(OTHER), "x"))
                .doesNotThrowAnyException();
        // Blocking them oneself does not hide their lists from oneself.
        assertThatCode(() -> Audience.requireMaySeeLists(ME, OTHER, false, relation(false, false, true, false),
                "x")).doesNotThrowAnyException();
    }

    @Test
    void aPrivateAccountsListsAreForItsFollowersOnly() {
        assertRefused(() -> Audience.requireMaySeeLists(ME, OTHER, true, Relation.none(OTHER), "x"),
                ErrorKind.FORBIDDEN, "forbidden", PRIVATE);
        // Being followed by the private account is not enough: the viewer must follow it.
        assertRefused(() -> Audience.requireMaySeeLists(ME, OTHER, true, relation(false, true, false, false), "x"),
                ErrorKind.FORBIDDEN, "forbidden", PRIVATE);
        assertThatCode(() -> Audience.requireMaySeeLists(ME, OTHER, true, relation(true, false, false, false),
                "x")).doesNotThrowAnyException();
    }

    @Test
    void whoBlocksTheViewerHasNoListsForThemPublicOrPrivate() {
        String asked = OTHER.toString();
        for (boolean privateAccount : new boolean[] {false, true}) {
            assertRefused(() -> Audience.requireMaySeeLists(ME, OTHER, privateAccount,
                            relation(false, false, false, true), asked),
                    ErrorKind.NOT_FOUND, "not_found", "User " + asked + " does not exist");
        }
    }
}
