package io.nova.contracts;

/**
 * How much one call to user-service's gRPC API may ask for: user-service refuses more, and its callers split what
 * they ask into calls of this size. One place, so the two sides cannot drift apart.
 */
public final class UserServiceLimits {

    /** Pairs per {@code GetRelationships} call. */
    public static final int MAX_RELATIONSHIP_PAIRS = 500;

    private UserServiceLimits() {
    }
}
