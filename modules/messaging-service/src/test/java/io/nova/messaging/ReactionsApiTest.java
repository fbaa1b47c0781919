package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reactions: validated emojis, idempotent PUT and DELETE, counts per emoji and reacted_by_me. */
class ReactionsApiTest extends RunningMessagingStack {

    private HttpResponse<String> react(String method, People.Person who, String message, String emoji) {
        return http.send(method, "/api/v1/messages/" + message + "/reactions/"
                + URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20"), who.token(), null);
    }

    @Test
    void reactionsAreCountedPerEmojiAndRepeatingChangesNothing() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String group = start(ann, "g", bob, cid);
        String message = say(ann, group, "lunch?").path("id").asText();

        HttpResponse<String> first = react("PUT", bob, message, "👍");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(react("PUT", bob, message, "👍").statusCode()).isEqualTo(200);
        react("PUT", cid, message, "👍");
        // ❤ and ❤️ are the same reaction.
        react("PUT", cid, message, "❤");
        JsonNode reactions = ApiClient.json(react("PUT", bob, message, "❤️"));
        assertThat(reactions.path("message_id").asText()).isEqualTo(message);
        assertThat(reactions.path("reactions")).extracting(r -> r.path("emoji").asText() + "=" + r.path("count")
                + ":" + r.path("reacted_by_me")).containsExactly("👍=2:true", "❤️=2:true");

        JsonNode seenByAnn = get(ann, "/api/v1/conversations/" + group + "/messages").path("items").get(0);
        assertThat(seenByAnn.path("reactions")).extracting(r -> r.path("emoji").asText() + "=" + r.path("count")
                + ":" + r.path("reacted_by_me")).containsExactly("👍=2:false", "❤️=2:false");

        assertThat(ApiClient.json(react("DELETE", bob, message, "👍")).path("reactions"))
                .extracting(r -> r.path("emoji").asText() + "=" + r.path("count"))
                .containsExactly("👍=1", "❤️=2");
        assertThat(react("DELETE", bob, message, "👍").statusCode()).isEqualTo(200);

        assertThat(events(group, "reaction.added")).hasSize(4);
        Event removed = events(group, "reaction.removed").get(0);
        assertThat(events(group, "reaction.removed")).hasSize(1);
        assertThat(removed.recipients()).containsExactlyInAnyOrder(ann.id(), bob.id(), cid.id());
        assertThat(removed.data().path("emoji").asText()).isEqualTo("👍");
        assertThat(removed.data().path("count").asLong()).isEqualTo(1);
        assertThat(removed.data().path("user_id").asText()).isEqualTo(bob.id());
        assertThat(removed.data().path("message_id").asText()).isEqualTo(message);
        assertThat(removed.data().path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void onlyOneEmojiFromTheEmojiSetIsAReaction() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String direct = start(ann, null, bob);
        String message = say(ann, direct, "hi").path("id").asText();
        for (String bad : new String[]{"a", "ok", "👍👍", "1", "🏽", "👍 ", "\u200D", "~"}) {
            HttpResponse<String> refused = react("PUT", bob, message, bad);
            assertThat(refused.statusCode()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(ApiClient.json(refused).path("error").asText()).as(bad + ": " + refused.body())
                    .isEqualTo("invalid_emoji");
        }
        for (String good : new String[]{"👨‍👩‍👧‍👦", "🇩🇪", "👍🏽", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "✅", "❤️‍🔥"}) {
            assertThat(react("PUT", bob, message, good).statusCode()).as(good).isEqualTo(200);
        }
    }

    @Test
    void nonMembersDeletedMessagesAndTooManyAreRefused() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person eve = people.register();
        String direct = start(ann, null, bob);
        String message = say(ann, direct, "hi").path("id").asText();
        assertError(react("PUT", eve, message, "👍"), 404, "not_found");
        assertError(react("DELETE", eve, message, "👍"), 404, "not_found");
        assertError(react("PUT", bob, UUID.randomUUID().toString(), "👍"), 404, "not_found");

        String[] many = {"😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊", "😋", "😎", "😍", "😘", "🥰",
                "😗", "😙", "😚", "🙂", "🤗"};
        for (String emoji : many) {
            assertThat(react("PUT", bob, message, emoji).statusCode()).isEqualTo(200);
        }
        assertError(react("PUT", bob, message, "🤩"), 422, "too_many_reactions");
        assertThat(react("PUT", bob, message, "😀").statusCode()).isEqualTo(200);

        people.block(ann, bob);
        assertError(react("PUT", bob, message, "🤩"), 403, "forbidden");
        people.unblock(ann, bob);

        http.send("DELETE", "/api/v1/messages/" + message, ann.token(), null);
        assertError(react("PUT", bob, message, "👍"), 422, "message_deleted");
        assertThat(ApiClient.json(react("DELETE", bob, message, "😀")).path("reactions")).isEmpty();
    }
}
