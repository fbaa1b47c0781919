package io.nova.media.core;

import java.util.Collection;
import java.util.Set;

/**
 * The service that owns one kind of claim ("post" for "post:&lt;id&gt;": content-service), asked by the claim sweep
 * whether owners exist. Implemented over gRPC in {@code clients}.
 */
public interface ClaimOwners {

    /** The claimant prefix this answers for, without the colon: "post". */
    String kind();

    /**
     * The ids among {@code ownerIds} that exist. The answer must be final: an id left out never comes to exist
     * (the owning service makes sure of it), so its claims may be released. An owner service that cannot answer
     * throws (a 503 {@link io.nova.kernel.errors.DomainException}); nothing is released then.
     */
    Set<String> existing(Collection<String> ownerIds);
}
