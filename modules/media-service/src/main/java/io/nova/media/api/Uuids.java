package io.nova.media.api;

/** The canonical spelling of ids in request bodies. */
public final class Uuids {

    public static final String PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    public static final String MESSAGE = "must be an upload id such as 0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10";

    private Uuids() {
    }
}
