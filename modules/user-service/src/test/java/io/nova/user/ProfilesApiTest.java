package io.nova.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.contracts.EventTypes;
import io.nova.contracts.Topics;
import io.nova.testing.ApiClient;
import io.nova.testing.EventLog;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Profiles: one's own, other people's, and finding people — against real PostgreSQL, Redis and Kafka. */
class ProfilesApiTest extends RunningUserService {

    private HttpResponse<String> patchMe(TestUsers.User user, String body) {
        return http.send("PATCH", "/api/v1/users/me", user.token(), body);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiClient.json(response).path("error").asText()).as(response.body()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // --- own profile ---

    @Test
    void meShowsTheOwnerTheirEmailAndCounts() {
        TestUsers.User ann = users.register();
        HttpResponse<String> response = http.get("/api/v1/users/me", ann.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = ApiClient.json(response);
        assertThat(me.path("id").asText()).isEqualTo(ann.id());
        assertThat(me.path("username").asText()).isEqualTo(ann.username());
        assertThat(me.path("email").asText()).isEqualTo(ann.email());
        assertThat(me.path("display_name").asText()).isEmpty();
        assertThat(me.path("bio").asText()).isEmpty();
        assertThat(me.path("avatar_media_id").isNull()).isTrue();
        assertThat(me.path("private_account").asBoolean()).isFalse();
        assertThat(me.path("followers_count").asLong()).isZero();
        assertThat(me.path("following_count").asLong()).isZero();
        assertThat(me.path("created_at").asText()).endsWith("Z");
        assertThat(me.has("password_hash")).isFalse();
    }

    @Test
    void meWithoutATokenIs401() {
        assertError(http.get("/api/v1/users/me"), 401, "unauthorized");
        assertError(http.get("/api/v1/users/me", "not.a.token"), 401, "unauthorized");
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClears() {
        TestUsers.User ann = users.register();
        HttpResponse<String> first = patchMe(ann, ApiClient.body("display_name", "  Ann Example ", "bio", "Line one\nline two",
                "private_account", true));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode edited = ApiClient.json(first);
        assertThat(edited.path("display_name").asText()).isEqualTo("Ann Example");
        assertThat(edited.path("bio").asText()).isEqualTo("Line one\nline two");
        assertThat(edited.path("private_account").asBoolean()).isTrue();

        HttpResponse<String> second = http.send("PATCH", "/api/v1/users/me", ann.token(),
                "{\"bio\":null,\"avatar_media_id\":null}", "Content-Type", "application/merge-patch+json");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode now = ApiClient.json(http.get("/api/v1/users/me", ann.token()));
        assertThat(now.path("display_name").asText()).isEqualTo("Ann Example");
        assertThat(now.path("bio").asText()).isEmpty();
        assertThat(now.path("avatar_media_id").isNull()).isTrue();
        assertThat(now.path("private_account").asBoolean()).isTrue();
        assertThat(now.path("updated_at").asText()).isGreaterThanOrEqualTo(edited.path("updated_at").asText());
    }

    @Test
    void patchRefusesBadInputAndChangesNothing() {
        TestUsers.User ann = users.register();
        patchMe(ann, ApiClient.body("display_name", "Before"));
        assertError(patchMe(ann, ApiClient.body("display_name", "x".repeat(51))), 400, "validation_failed");
        assertError(patchMe(ann, ApiClient.body("bio", "b".repeat(161))), 400, "validation_failed");
        assertError(patchMe(ann, "{\"display_name\": 42}"), 400, "validation_failed");
        assertError(patchMe(ann, "{\"private_account\": \"yes\"}"), 400, "validation_failed");
        assertError(patchMe(ann, "{\"avatar_media_id\": \"not-an-id\"}"), 400, "validation_failed");
        assertError(patchMe(ann, "{\"display_name\": \"tab\\there\"}"), 400, "validation_failed");
        assertError(patchMe(ann, "{\"email\": \"new@example.com\"}"), 400, "validation_failed");
        assertError(patchMe(ann, "{}"), 400, "validation_failed");
        assertError(patchMe(ann, "[1,2]"), 400, "invalid_body");
        assertError(patchMe(ann, "{\"display_name\": "), 400, "malformed_json");
        // A mix of good and bad fields applies none of them.
        HttpResponse<String> mixed = patchMe(ann, ApiClient.body("display_name", "After", "bio", "b".repeat(161)));
        assertError(mixed, 400, "validation_failed");
        assertThat(ApiClient.json(mixed).path("details").path("fields").has("bio")).isTrue();
        assertThat(ApiClient.json(http.get("/api/v1/users/me", ann.token())).path("display_name").asText())
                .isEqualTo("Before");
        // Exactly at the limits is fine, counted in characters (not bytes or UTF-16 units).
        HttpResponse<String> atLimit = patchMe(ann, ApiClient.body("display_name", "é".repeat(49) + "😀",
                "bio", "😀".repeat(160)));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
    }

    @Test
    void patchPublishesUserUpdatedWithoutTheEmail() {
        TestUsers.User ann = users.register();
        patchMe(ann, ApiClient.body("display_name", "Evented Ann"));
        List<JsonNode> events = EventLog.await(platform.kafkaBootstrapServers(), Topics.USER_EVENTS,
                EventLog.ofType(EventTypes.USER_UPDATED, "id", ann.id()), 1, Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("payload").path("display_name").asText()).isEqualTo("Evented Ann");
        assertThat(events.get(0).toString()).doesNotContain(ann.email());
    }

    // --- other people ---

    @Test
    void othersSeeThePublicProfileWithoutEmail() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        patchMe(ann, ApiClient.body("display_name", "Ann"));
        HttpResponse<String> response = http.get("/api/v1/users/" + ann.id(), bob.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode profile = ApiClient.json(response);
        assertThat(profile.path("username").asText()).isEqualTo(ann.username());
        assertThat(profile.path("display_name").asText()).isEqualTo("Ann");
        assertThat(profile.has("email")).isFalse();
        assertThat(response.body()).doesNotContain(ann.email());
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        TestUsers.User bob = users.register();
        assertError(http.get("/api/v1/users/" + UUID.randomUUID(), bob.token()), 404, "not_found");
        assertError(http.get("/api/v1/users/not-a-uuid", bob.token()), 404, "not_found");
        assertError(http.get("/api/v1/users/" + "x".repeat(500), bob.token()), 404, "not_found");
    }

    @Test
    void nobodyEditsAnotherProfile() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        // There is no route to anyone's profile but one's own.
        HttpResponse<String> response = http.send("PATCH", "/api/v1/users/" + ann.id(), bob.token(),
                ApiClient.body("display_name", "hacked"));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(ApiClient.json(http.get("/api/v1/users/" + ann.id(), ann.token())).path("display_name").asText())
                .isNotEqualTo("hacked");
    }

    @Test
    void someoneWhoBlocksYouIsNotFound() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        assertThat(http.send("PUT", "/api/v1/relationships/blocks/" + bob.id(), ann.token(), null).statusCode())
                .isEqualTo(200);
        assertError(http.get("/api/v1/users/" + ann.id(), bob.token()), 404, "not_found");
        assertError(http.get("/api/v1/users?username=" + ann.username(), bob.token()), 404, "not_found");
        // The blocker still sees the person they blocked.
        assertThat(http.get("/api/v1/users/" + bob.id(), ann.token()).statusCode()).isEqualTo(200);
    }

    // --- finding people ---

    @Test
    void lookupByUsernameIgnoresCase() {
        TestUsers.User ann = users.register("Look" + TestUsers.unique());
        TestUsers.User bob = users.register();
        HttpResponse<String> response = http.get("/api/v1/users?username=" + ann.username().toLowerCase(), bob.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ApiClient.json(response).path("id").asText()).isEqualTo(ann.id());
        assertError(http.get("/api/v1/users?username=nobody_" + TestUsers.unique(), bob.token()), 404, "not_found");
        assertError(http.get("/api/v1/users", bob.token()), 400, "missing_parameter");
    }

    @Test
    void searchFindsByUsernameOrDisplayNamePrefixPaged() {
        String stem = "srch" + TestUsers.unique().substring(0, 6);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(users.register(stem + "_" + i).id());
        }
        TestUsers.User byName = users.register();
        patchMe(byName, ApiClient.body("display_name", stem.toUpperCase() + " by display name"));
        expected.add(byName.id());
        users.register("other" + TestUsers.unique());
        TestUsers.User viewer = users.register();

        List<String> found = new ArrayList<>();
        String path = "/api/v1/users/search?q=" + stem + "&limit=4";
        HttpResponse<String> page = http.get(path, viewer.token());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        ApiClient.json(page).path("items").forEach(item -> found.add(item.path("id").asText()));
        String cursor = ApiClient.json(page).path("next_cursor").asText();
        assertThat(page.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link).contains("next"));
        HttpResponse<String> next = http.get(path + "&cursor=" + cursor, viewer.token());
        ApiClient.json(next).path("items").forEach(item -> found.add(item.path("id").asText()));
        assertThat(ApiClient.json(next).path("next_cursor").isNull()).isTrue();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(next.body()).doesNotContain("@example.com");
    }

    @Test
    void searchTreatsWildcardsLiterallyAndRefusesBadQueries() {
        TestUsers.User viewer = users.register();
        HttpResponse<String> wildcard = http.get("/api/v1/users/search?q=%25", viewer.token());
        assertThat(wildcard.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(wildcard).path("items")).isEmpty();
        HttpResponse<String> underscore = http.get("/api/v1/users/search?q=_", viewer.token());
        assertThat(ApiClient.json(underscore).path("items")).isEmpty();
        assertError(http.get("/api/v1/users/search", viewer.token()), 400, "missing_parameter");
        assertError(http.get("/api/v1/users/search?q=%20%20", viewer.token()), 400, "missing_parameter");
        assertError(http.get("/api/v1/users/search?q=" + "a".repeat(51), viewer.token()), 400, "query_too_long");
        assertError(http.get("/api/v1/users/search?q=a&cursor=garbage", viewer.token()), 400, "invalid_cursor");
    }

    @Test
    void searchHidesPeopleWhoBlockTheViewer() {
        String stem = "hide" + TestUsers.unique().substring(0, 6);
        TestUsers.User ann = users.register(stem + "_ann");
        TestUsers.User bob = users.register();
        http.send("PUT", "/api/v1/relationships/blocks/" + bob.id(), ann.token(), null);
        JsonNode result = ApiClient.json(http.get("/api/v1/users/search?q=" + stem, bob.token()));
        assertThat(result.path("items")).isEmpty();
    }
}
