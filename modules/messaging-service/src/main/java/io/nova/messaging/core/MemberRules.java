package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;
import io.nova.messaging.db.MemberRow;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may change a conversation's name and members. Pure: every check looks at what it is given and throws the
 * refusal. A direct conversation is its two users, unnamed, for good; in a group the owner and admins rename it
 * and add people, the owner removes anyone, an admin removes plain members, and anyone may leave. Only the owner
 * gives roles; making someone else owner hands the group over (the old owner becomes an admin).
 */
public final class MemberRules {

    public static final int MAX_MEMBERS = 256;

    private MemberRules() {
    }

    public static void requireGroup(boolean direct) {
        if (direct) {
            throw DomainException.unprocessable("not_a_group",
                    "A direct conversation keeps its two members and has no name; start a group instead");
        }
    }

    public static void requireMayRename(Role actor) {
        if (!actor.manages()) {
            throw DomainException.forbidden("Only the group's owner and admins can rename it");
        }
    }

    public static void requireMayAdd(Role actor, int memberCount) {
        if (!actor.manages()) {
            throw DomainException.forbidden("Only the group's owner and admins can add members");
        }
        if (memberCount >= MAX_MEMBERS) {
            throw DomainException.unprocessable("group_full", "A group has at most " + MAX_MEMBERS + " members");
        }
    }

    /** {@code actor} removing {@code target} (the same person: leaving, which anyone may). */
    public static void requireMayRemove(UUID actor, Role actorRole, UUID target, Role targetRole) {
        if (actor.equals(target)) {
            return;
        }
        boolean allowed = actorRole == Role.OWNER || (actorRole == Role.ADMIN && targetRole == Role.MEMBER);
        if (!allowed) {
            throw DomainException.forbidden(actorRole == Role.MEMBER
                    ? "Only the group's owner and admins can remove members"
                    : "Admins can remove members, not the owner or other admins");
        }
    }

    /** The owner giving {@code target} a role; the owner's own role changes only by handing the group over. */
    public static void requireMayGiveRole(UUID actor, Role actorRole, UUID target) {
        if (actorRole != Role.OWNER) {
            throw DomainException.forbidden("Only the group's owner can change roles");
        }
        if (actor.equals(target)) {
            throw DomainException.unprocessable("owner_role_fixed",
                    "The owner stays owner until they make another member owner");
        }
    }

    /**
     * Who owns the group once its owner has gone: the longest-standing admin, else the longest-standing member;
     * empty when nobody is left.
     */
    public static Optional<MemberRow> successor(List<MemberRow> remaining) {
        Comparator<MemberRow> seniority = Comparator.comparing(MemberRow::joinedAt)
                .thenComparing(MemberRow::userId);
        return remaining.stream()
                .min(Comparator.comparing((MemberRow row) -> Role.of(row.role()) != Role.ADMIN)
                        .thenComparing(seniority));
    }
}
