package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.messaging.db.MemberRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberRulesTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private static void refused(int status, Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void directConversationsHaveFixedMembersAndNoName() {
        refused(422, () -> MemberRules.requireGroup(true));
        assertThatCode(() -> MemberRules.requireGroup(false)).doesNotThrowAnyException();
    }

    @Test
    void ownersAndAdminsRenameAndAddUpTo256() {
        MemberRules.requireMayRename(Role.OWNER);
        MemberRules.requireMayRename(Role.ADMIN);
        refused(403, () -> MemberRules.requireMayRename(Role.MEMBER));
        MemberRules.requireMayAdd(Role.ADMIN, 255);
        refused(422, () -> MemberRules.requireMayAdd(Role.OWNER, 256));
        refused(403, () -> MemberRules.requireMayAdd(Role.MEMBER, 2));
    }

    @Test
    void theOwnerRemovesAnyoneAnAdminRemovesMembersAnyoneLeaves() {
        MemberRules.requireMayRemove(ANN, Role.OWNER, BOB, Role.ADMIN);
        MemberRules.requireMayRemove(ANN, Role.ADMIN, BOB, Role.MEMBER);
        refused(403, () -> MemberRules.requireMayRemove(ANN, Role.ADMIN, BOB, Role.ADMIN));
        refused(403, () -> MemberRules.requireMayRemove(ANN, Role.ADMIN, BOB, Role.OWNER));
        refused(403, () -> MemberRules.requireMayRemove(ANN, Role.MEMBER, BOB, Role.MEMBER));
        for (Role role : Role.values()) {
            MemberRules.requireMayRemove(ANN, role, ANN, role);
        }
    }

    @Test
    void onlyTheOwnerGivesRolesAndKeepsTheirsUntilHandingOver() {
        MemberRules.requireMayGiveRole(ANN, Role.OWNER, BOB);
        refused(403, () -> MemberRules.requireMayGiveRole(ANN, Role.ADMIN, BOB));
        refused(422, () -> MemberRules.requireMayGiveRole(ANN, Role.OWNER, ANN));
        assertThat(Role.parse("admin")).isEqualTo(Role.ADMIN);
        refused(400, () -> Role.parse("Admin"));
        refused(400, () -> Role.parse(null));
    }

    @Test
    void theLongestStandingAdminElseMemberSucceedsTheOwner() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        MemberRow oldMember = row(UUID.randomUUID(), "member", t);
        MemberRow newAdmin = row(UUID.randomUUID(), "admin", t.plusSeconds(60));
        MemberRow oldAdmin = row(UUID.randomUUID(), "admin", t.plusSeconds(30));
        assertThat(MemberRules.successor(List.of(oldMember, newAdmin, oldAdmin))).hasValue(oldAdmin);
        MemberRow newMember = row(UUID.randomUUID(), "member", t.plusSeconds(90));
        assertThat(MemberRules.successor(List.of(newMember, oldMember))).hasValue(oldMember);
        assertThat(MemberRules.successor(List.of())).isEmpty();
    }

    private static MemberRow row(UUID user, String role, Instant joined) {
        return new MemberRow(UUID.randomUUID(), user, role, joined, 0, null);
    }
}
