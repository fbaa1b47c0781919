package io.nova.media.core;

import io.nova.media.db.ReelRow;
import io.nova.media.db.VideoRow;

/**
 * Who sees and who changes videos and reels. Pure. Whatever a caller may not see does not exist to them (404,
 * never 403); only the creator changes or deletes.
 */
public final class Audience {

    private Audience() {
    }

    /**
     * The creator sees their video in any state. Others see it once published (its media is ready) unless it is
     * private; an unlisted video is seen by whoever has its id, it is only left out of the creator's list.
     */
    public static boolean canSee(String callerId, VideoRow video) {
        return video.creatorId().equals(callerId)
                || (video.publishedAt() != null && !video.visibility().equals("private"));
    }

    /** Reels are public: others see one once it is published. */
    public static boolean canSee(String callerId, ReelRow reel) {
        return reel.creatorId().equals(callerId) || reel.publishedAt() != null;
    }

    /** Everything a creator's list shows the caller: all of it for the creator, public published ones for others. */
    public static boolean seesEverythingOf(String callerId, String creatorId) {
        return creatorId.equals(callerId);
    }

    public static boolean canChange(String callerId, VideoRow video) {
        return video.creatorId().equals(callerId);
    }

    public static boolean canDelete(String callerId, ReelRow reel) {
        return reel.creatorId().equals(callerId);
    }
}
