package io.nova.content.core;

/** How an author relates to the viewer, from the viewer's side: what visibility depends on. */
public record Relation(boolean following, boolean blocking, boolean blockedBy) {

    public static final Relation NONE = new Relation(false, false, false);

    /** Either of the two blocks the other: nothing of one is visible to the other. */
    public boolean blockedEitherWay() {
        return blocking || blockedBy;
    }
}
