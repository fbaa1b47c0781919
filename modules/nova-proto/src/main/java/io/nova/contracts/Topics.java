package io.nova.contracts;

/**
 * Every Kafka topic Nova uses, in one place. One topic per owning service; the event type (see {@link EventTypes})
 * tells events apart, and the aggregate id is the record key, so one aggregate's events stay in order.
 */
public final class Topics {

    public static final String USER_EVENTS = "nova.user.events";
    public static final String CONTENT_EVENTS = "nova.content.events";
    public static final String MEDIA_EVENTS = "nova.media.events";
    public static final String MESSAGING_EVENTS = "nova.messaging.events";

    private Topics() {
    }
}
