package io.nova.media.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other services may claim and release (ClaimMedia, ReleaseMedia): the owner's own ready media, held by one
 * claimant (a post, a message) at a time. Pure: every check looks at what it is given and throws the refusal.
 * Other services read the refusals' kinds, codes and {@code media_id} details, so those are a contract.
 */
public final class ClaimRules {

    static final int MAX_IDS = 100;
    static final int MAX_CLAIMANT = 100;

    private ClaimRules() {
    }

    /** A claim names its owner and a claimant of at most {@value #MAX_CLAIMANT} characters. */
    public static void checkClaimRequest(String ownerId, String claimant) {
        if (ownerId.isBlank()) {
            throw invalid("owner_id", "owner_id and claimant (at most " + MAX_CLAIMANT + " characters) are required");
        }
        checkClaimant(claimant, "owner_id and claimant (at most " + MAX_CLAIMANT + " characters) are required");
    }

    public static void checkReleaseRequest(String claimant) {
        checkClaimant(claimant, "claimant (at most " + MAX_CLAIMANT + " characters) is required");
    }

    /** A call made on a user's behalf may only claim that user's media; a trusted service call may claim any. */
    public static void checkCaller(Optional<String> callerId, String ownerId) {
        if (callerId.isPresent() && !callerId.get().equals(ownerId)) {
            throw DomainException.forbidden("a user may only claim their own media");
        }
    }

    /**
     * The ids of a call, at most {@value #MAX_IDS}, duplicates once. A malformed id names no media: when
     * {@code strict} (claiming) it is refused like an unknown one, otherwise (looking up) it is skipped.
     */
    public static Set<UUID> ids(List<String> values, boolean strict) {
        if (values.size() > MAX_IDS) {
            throw DomainException.invalid("too_many_ids", "at most " + MAX_IDS + " media ids per call, got "
                    + values.size(), Map.of("field", "media_ids"));
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values) {
            Optional<UUID> id = Ids.parse(value);
            if (id.isPresent()) {
                ids.add(id.get());
            } else if (strict) {
                throw unknown(value);
            }
        }
        if (strict && ids.isEmpty()) {
            throw DomainException.invalid("missing_parameter", "media_ids is empty", Map.of("field", "media_ids"));
        }
        return ids;
    }

    /**
     * Whether {@code claimant} may hold media {@code id} (looked up, locked, as {@code media}) for {@code ownerId}:
     * it exists, is the owner's, is ready, and nobody else holds it. Claiming again for the same claimant is
     * allowed, so a caller may safely retry.
     */
    public static void checkClaim(UUID id, Optional<MediaRow> media, String ownerId, String claimant) {
        MediaRow row = media.orElseThrow(() -> unknown(id));
        if (!row.ownedBy(ownerId)) {
            throw DomainException.of(ErrorKind.FORBIDDEN, "media_not_yours", "media " + id
                    + " belongs to someone else", details(id));
        }
        if (row.status() != MediaStatus.READY) {
            throw DomainException.unprocessable("media_not_ready", "media " + id + " is " + row.status().wireName()
                    + ", not ready", details(id));
        }
        if (row.claimedBy() != null && !row.claimedBy().equals(claimant)) {
            throw inUse(id, row.claimedBy());
        }
    }

    /** On a user's behalf, only their own media may be released; unknown ids release nothing and are fine. */
    public static void checkRelease(Optional<String> callerId, Collection<MediaRow> media) {
        if (callerId.isEmpty()) {
            return;
        }
        for (MediaRow row : media) {
            if (!row.ownedBy(callerId.get())) {
                throw DomainException.forbidden("a user may only release their own media");
            }
        }
    }

    static DomainException inUse(UUID id, String claimedBy) {
        return DomainException.unprocessable("media_in_use", "media " + id + " is already used by " + claimedBy,
                details(id));
    }

    private static DomainException unknown(Object id) {
        return DomainException.of(ErrorKind.NOT_FOUND, "media_not_found", "media " + id + " does not exist",
                details(id));
    }

    private static Map<String, Object> details(Object id) {
        return Map.of("media_id", id.toString());
    }

    private static void checkClaimant(String claimant, String message) {
        if (claimant.isBlank() || claimant.length() > MAX_CLAIMANT) {
            throw invalid("claimant", message);
        }
    }

    private static DomainException invalid(String field, String message) {
        return DomainException.invalid("invalid_parameter", message, Map.of("field", field));
    }
}
