package io.nova.media.core;

import io.nova.media.api.MediaView;

/**
 * A media item as other services see it (GetMedia, ClaimMedia): the owner's view with fresh download URLs, plus
 * whose it is and which claimant (a post, a message) holds it, null when none.
 */
public record SharedMedia(MediaView view, String ownerId, String claimedBy) {
}
