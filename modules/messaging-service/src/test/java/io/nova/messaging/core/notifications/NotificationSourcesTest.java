package io.nova.messaging.core.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.kernel.events.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private final String owner = UUID.randomUUID().toString();
    private final String actor = UUID.randomUUID().toString();
    private final String post = UUID.randomUUID().toString();

    @Test
    void aFollowIsTheFolloweesAndAnUnfollowTakesItBack() throws Exception {
        Contribution follow = one("user.followed", "{\"follower_id\":\"" + actor + "\",\"followee_id\":\"" + owner
                + "\",\"followed_at\":\"2026-03-01T08:00:00Z\"}");
        assertThat(follow).isEqualTo(Contribution.add(NotificationKind.FOLLOW, UUID.fromString(owner),
                UUID.fromString(actor), "", Map.of(), AT));

        Contribution unfollow = one("user.unfollowed", "{\"follower_id\":\"" + actor + "\",\"followee_id\":\""
                + owner + "\"}");
        assertThat(unfollow.change()).isEqualTo(Contribution.Change.REMOVE);
        assertThat(unfollow.owner()).isEqualTo(UUID.fromString(owner));
    }

    @Test
    void aFollowRequestIsOneEntryPerRequesterAndAnApprovedOneIsAcceptedForTheFollower() throws Exception {
        UUID target = UUID.fromString(owner);
        UUID requester = UUID.fromString(actor);
        String pair = "\"requester_id\":\"" + actor + "\",\"target_id\":\"" + owner + "\"";
        assertThat(one("user.follow_requested", "{" + pair + ",\"requested_at\":\"2026-03-01T08:00:00Z\"}"))
                .isEqualTo(Contribution.add(NotificationKind.FOLLOW_REQUEST, target, requester, actor, Map.of(), AT));
        assertThat(one("user.follow_request_removed", "{" + pair + ",\"reason\":\"declined\"}"))
                .isEqualTo(Contribution.remove(NotificationKind.FOLLOW_REQUEST, target, requester, actor));

        List<Contribution> approved = of("user.followed", "{\"follower_id\":\"" + actor + "\",\"followee_id\":\""
                + owner + "\",\"followed_at\":\"2026-03-01T08:00:00Z\",\"approved_request\":true}");
        assertThat(approved).containsExactly(
                Contribution.add(NotificationKind.FOLLOW, target, requester, "", Map.of(), AT),
                Contribution.add(NotificationKind.FOLLOW_ACCEPTED, requester, target, owner, Map.of(), AT));
        assertThat(of("user.followed", "{\"follower_id\":\"" + actor + "\",\"followee_id\":\"" + owner
                + "\",\"approved_request\":false}")).extracting(Contribution::kind)
                .containsExactly(NotificationKind.FOLLOW);
        assertThat(of("user.follow_requested", "{\"requester_id\":\"nope\",\"target_id\":\"" + owner + "\"}"))
                .isEmpty();
    }

    @Test
    void aLikeIsThePostAuthorsKeyedByThePost() throws Exception {
        Contribution like = one("post.liked", "{\"post_id\":\"" + post + "\",\"author_id\":\"" + owner
                + "\",\"user_id\":\"" + actor + "\"}");

        assertThat(like.kind()).isEqualTo(NotificationKind.LIKE);
        assertThat(like.owner()).isEqualTo(UUID.fromString(owner));
        assertThat(like.actor()).isEqualTo(UUID.fromString(actor));
        assertThat(like.subject()).isEqualTo(post);
        assertThat(like.target()).isEqualTo(Map.of("post_id", post));
    }

    @Test
    void aCommentIsKeyedByTheCommentAndItsDeletionNeedsNoOwner() throws Exception {
        String comment = UUID.randomUUID().toString();
        Contribution created = one("comment.created", "{\"comment_id\":\"" + comment + "\",\"post_id\":\"" + post
                + "\",\"post_author_id\":\"" + owner + "\",\"author_id\":\"" + actor + "\"}");
        assertThat(created.subject()).isEqualTo(comment);
        assertThat(created.target()).isEqualTo(Map.of("post_id", post, "comment_id", comment));

        Contribution deleted = one("comment.deleted", "{\"comment_id\":\"" + comment + "\",\"post_id\":\"" + post
                + "\",\"author_id\":\"" + actor + "\",\"deleted_by\":\"" + owner + "\"}");
        assertThat(deleted.change()).isEqualTo(Contribution.Change.REMOVE);
        assertThat(deleted.owner()).isNull();
        assertThat(deleted.subject()).isEqualTo(comment);
    }

    @Test
    void aMessageIsEveryRecipientsTheSenderIncluded() throws Exception {
        String message = UUID.randomUUID().toString();
        String conversation = UUID.randomUUID().toString();
        List<Contribution> all = of("message.created", "{\"recipients\":[\"" + owner + "\",\"" + actor
                + "\"],\"data\":{\"id\":\"" + message + "\",\"conversation_id\":\"" + conversation
                + "\",\"sender_id\":\"" + actor + "\"}}");

        assertThat(all).hasSize(2).allSatisfy(contribution -> {
            assertThat(contribution.kind()).isEqualTo(NotificationKind.MESSAGE);
            assertThat(contribution.subject()).isEqualTo(message);
            assertThat(contribution.actor()).isEqualTo(UUID.fromString(actor));
        });
        // The sender's own is dropped by the rules, not here.
        assertThat(NotificationRules.isSelf(all.get(1).owner(), all.get(1).actor())).isTrue();
    }

    @Test
    void onlyAMissedCallEndsInNotificationsOneForEachCallee() throws Exception {
        String other = UUID.randomUUID().toString();
        String call = UUID.randomUUID().toString();
        String body = "{\"recipients\":[],\"data\":{\"call_id\":\"" + call + "\",\"caller_id\":\"" + actor
                + "\",\"callee_ids\":[\"" + owner + "\",\"" + other + "\"],\"outcome\":\"%s\"}}";

        assertThat(of("call.ended", body.formatted("missed"))).hasSize(2)
                .allSatisfy(c -> assertThat(c.target()).containsEntry("call_id", call));
        assertThat(of("call.ended", body.formatted("answered"))).isEmpty();
    }

    @Test
    void eventsMissingWhatTheyNeedOrOfOtherTypesGiveNothing() throws Exception {
        assertThat(of("post.liked", "{\"post_id\":\"" + post + "\",\"user_id\":\"" + actor + "\"}")).isEmpty();
        assertThat(of("post.liked", "{\"post_id\":\"not-an-id\",\"author_id\":\"" + owner + "\",\"user_id\":\""
                + actor + "\"}")).isEmpty();
        assertThat(of("post.created", "{\"post_id\":\"" + post + "\"}")).isEmpty();
        assertThat(of("notification.created", "{\"recipients\":[],\"data\":{}}")).isEmpty();
        assertThat(of("post.liked", "[1,2]")).isEmpty();
    }

    @Test
    void anUnseenMessageEntryReadsBackAsItsContribution() throws Exception {
        Contribution message = of("message.created", "{\"recipients\":[\"" + owner + "\"],\"data\":{\"id\":\""
                + UUID.randomUUID() + "\",\"conversation_id\":\"" + UUID.randomUUID() + "\",\"sender_id\":\""
                + actor + "\"}}").get(0);

        assertThat(OfflineMessages.decode(OfflineMessages.encode(message))).contains(message);
        assertThat(OfflineMessages.decode("{\"owner\":1}")).isEmpty();
        assertThat(OfflineMessages.decode("not json")).isEmpty();
    }

    private Contribution one(String type, String payload) throws Exception {
        List<Contribution> all = of(type, payload);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Whatever gives a contribution must be of a type the consumer wants (it passes over the others unread). */
    private static List<Contribution> of(String type, String payload) throws Exception {
        List<Contribution> read = NotificationSources.of(new EventEnvelope(UUID.randomUUID(), type, AT, "aggregate",
                JSON.readTree(payload)));
        if (!read.isEmpty()) {
            assertThat(NotificationSources.reads(type)).as("reads(%s)", type).isTrue();
        }
        return read;
    }

    @Test
    void theNotificationEventsThisServiceWritesAreNotRead() {
        assertThat(NotificationSources.reads("notification.created")).isFalse();
        assertThat(NotificationSources.reads("notification.updated")).isFalse();
        assertThat(NotificationSources.reads("post.created")).isFalse();
        assertThat(NotificationSources.reads("post.liked")).isTrue();
    }
}
