package io.nova.content.core;

import io.nova.content.db.PostIdStore;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * content-service's answer to media-service's claim sweep (ConfirmPosts): which of the posts media is claimed for
 * exist. The answer is final both ways — an id answered as a post is one (deleted posts too: their media stays
 * theirs), and an id left out is recorded so that no create can still write it ({@link PostService#create}).
 */
public final class PostClaims {

    public static final int MAX_IDS = 100;

    private final Jdbi jdbi;
    private final PostIdStore ids;

    public PostClaims(Jdbi jdbi, PostIdStore ids) {
        this.jdbi = jdbi;
        this.ids = ids;
    }

    /** The ids among {@code postIds} that are posts, as they were asked; malformed ids name no post. */
    public List<String> confirm(List<String> postIds) {
        if (postIds.size() > MAX_IDS) {
            throw DomainException.invalid("too_many_ids", "at most " + MAX_IDS + " post ids per call, got "
                    + postIds.size(), Map.of("field", "post_ids"));
        }
        List<UUID> parsed = postIds.stream().map(Ids::parse).flatMap(Optional::stream).toList();
        if (parsed.isEmpty()) {
            return List.of();
        }
        Set<UUID> existing = jdbi.inTransaction(handle -> ids.settle(handle, parsed));
        // Answered in the caller's spelling: it matches them against the claimants it holds.
        return postIds.stream().filter(id -> Ids.parse(id).filter(existing::contains).isPresent()).toList();
    }
}
