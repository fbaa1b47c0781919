package io.nova.user.core;

import io.nova.kernel.errors.DomainException;

import java.util.UUID;

/**
 * Which media may become an avatar — the caller's own image, once it is ready — and what media-service's refusals
 * mean to someone setting an avatar. Pure: no I/O, so every case is unit-tested.
 */
public final class AvatarRules {

    private AvatarRules() {
    }

    /** Refuses {@code item} as {@code caller}'s avatar unless it is their own ready image. */
    public static void check(UUID caller, MediaLibrary.Item item) {
        String id = item.id().toString();
        if (!caller.equals(item.ownerId())) {
            throw notYours(id);
        }
        if (!item.image()) {
            throw DomainException.unprocessable("avatar_not_an_image", "Media " + id + " is not an image");
        }
        if (item.state() != MediaLibrary.State.READY) {
            throw DomainException.unprocessable("media_not_ready", "Media " + id + " is not ready yet (it is "
                    + item.state().describe() + "); set it once its upload is complete and processed");
        }
    }

    /** Media-service knows no such item (or does not show it to the caller). */
    public static DomainException notFound(UUID mediaId) {
        return DomainException.unprocessable("avatar_not_found", "Media " + mediaId + " does not exist");
    }

    /**
     * What a refusal from media-service, while checking or claiming {@code mediaId}, tells the client: decided by
     * its kind only. Anything but a refusal of this item (an outage, a request media-service found malformed) means
     * avatars cannot be checked now.
     */
    public static DomainException refusal(UUID mediaId, DomainException fromMedia) {
        String id = mediaId.toString();
        return switch (fromMedia.kind()) {
            case NOT_FOUND -> notFound(mediaId);
            case FORBIDDEN -> notYours(id);
            case UNPROCESSABLE -> DomainException.unprocessable("media_unavailable",
                    "Media " + id + " cannot be used: " + fromMedia.getMessage());
            default -> DomainException.unavailable("media_service_unavailable",
                    "Avatars cannot be checked right now; try again shortly");
        };
    }

    private static DomainException notYours(String id) {
        return DomainException.forbidden("Media " + id + " is not yours");
    }
}
