package io.nova.messaging.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How many members reacted to a message with one emoji, and whether the caller did ({@code reacted_by_me}, left
 * out of events, which every member receives alike).
 */
public record ReactionCount(String emoji, long count,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reactedByMe) {
}
