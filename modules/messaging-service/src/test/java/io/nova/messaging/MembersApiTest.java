package io.nova.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding, removing and leaving, roles, and what a former member may still read. */
class MembersApiTest extends RunningMessagingStack {

    private HttpResponse<String> member(String method, People.Person caller, String conversation, String user,
                                        String body) {
        return http.send(method, "/api/v1/conversations/" + conversation + "/members/" + user, caller.token(), body);
    }

    private static List<String> roles(JsonNode conversation) {
        List<String> roles = new ArrayList<>();
        conversation.path("members").forEach(m -> roles.add(m.path("user_id").asText() + ":" + m.path("role").asText()));
        return roles;
    }

    @Test
    void ownersAndAdminsAddMembersWhoSeeTheHistory() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        People.Person dan = people.register();
        String group = start(ann, "g", bob);
        say(ann, group, "before cid");

        HttpResponse<String> added = member("POST", ann, group, cid.id(), null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(roles(ApiClient.json(added))).contains(cid.id() + ":member");
        // Adding a member again changes nothing.
        assertThat(member("POST", ann, group, cid.id(), null).statusCode()).isEqualTo(200);
        assertThat(events(group, "member.added")).hasSize(1);
        Event event = events(group, "member.added").get(0);
        assertThat(event.recipients()).containsExactlyInAnyOrder(ann.id(), bob.id(), cid.id());
        assertThat(event.data().path("member").path("user_id").asText()).isEqualTo(cid.id());
        assertThat(event.data().path("added_by").asText()).isEqualTo(ann.id());

        // The new member sees the history, with nothing of it unread.
        JsonNode seen = get(cid, "/api/v1/conversations/" + group);
        assertThat(seen.path("unread_count").asLong()).isZero();
        assertThat(get(cid, "/api/v1/conversations/" + group + "/messages").path("items")).hasSize(1);

        assertError(member("POST", bob, group, dan.id(), null), 403, "forbidden");
        assertError(member("POST", ann, group, UUID.randomUUID().toString(), null), 422, "user_not_found");
        assertError(member("POST", ann, group, "nobody", null), 404, "not_found");
        String direct = start(ann, null, bob);
        assertError(member("POST", ann, direct, dan.id(), null), 422, "not_a_group");
        assertError(member("DELETE", ann, direct, bob.id(), null), 422, "not_a_group");
        people.block(dan, ann);
        assertError(member("POST", ann, group, dan.id(), null), 403, "forbidden");
    }

    @Test
    void rolesDecideWhoRemovesWhomAndAnyoneMayLeave() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        People.Person dan = people.register();
        String group = start(ann, "g", bob, cid, dan);
        assertError(member("PATCH", bob, group, cid.id(), ApiClient.body("role", "admin")), 403, "forbidden");
        assertError(member("PATCH", ann, group, bob.id(), ApiClient.body("role", "boss")), 400, "validation_failed");
        assertError(member("PATCH", ann, group, ann.id(), ApiClient.body("role", "member")), 422,
                "owner_role_fixed");
        HttpResponse<String> promoted = member("PATCH", ann, group, bob.id(), ApiClient.body("role", "admin"));
        assertThat(roles(ApiClient.json(promoted))).contains(bob.id() + ":admin");

        // An admin removes members, not the owner.
        assertError(member("DELETE", bob, group, ann.id(), null), 403, "forbidden");
        assertThat(member("DELETE", bob, group, dan.id(), null).statusCode()).isEqualTo(204);
        assertError(member("DELETE", bob, group, dan.id(), null), 404, "not_found");
        // A member removes nobody but leaves.
        assertError(member("DELETE", cid, group, bob.id(), null), 403, "forbidden");
        assertThat(member("DELETE", cid, group, cid.id(), null).statusCode()).isEqualTo(204);

        List<Event> removed = events(group, "member.removed");
        assertThat(removed).hasSize(2);
        assertThat(removed.get(0).recipients()).containsExactlyInAnyOrder(ann.id(), bob.id(), cid.id(), dan.id());
        assertThat(removed.get(0).data().path("user_id").asText()).isEqualTo(dan.id());
        assertThat(removed.get(0).data().path("removed_by").asText()).isEqualTo(bob.id());
        assertThat(removed.get(1).data().path("removed_by").asText()).isEqualTo(cid.id());
        assertThat(get(ann, "/api/v1/conversations/" + group).path("member_count").asInt()).isEqualTo(2);
    }

    @Test
    void anOwnerWhoLeavesHandsTheGroupToTheLongestStandingAdmin() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person cid = people.register();
        String group = start(ann, "g", bob, cid);
        member("PATCH", ann, group, cid.id(), ApiClient.body("role", "admin"));
        assertThat(member("DELETE", ann, group, ann.id(), null).statusCode()).isEqualTo(204);
        assertThat(roles(get(bob, "/api/v1/conversations/" + group)))
                .containsExactly(bob.id() + ":member", cid.id() + ":owner");

        // Handing over explicitly: the old owner becomes an admin.
        HttpResponse<String> handed = member("PATCH", cid, group, bob.id(), ApiClient.body("role", "owner"));
        assertThat(roles(ApiClient.json(handed))).containsExactly(bob.id() + ":owner", cid.id() + ":admin");
    }

    @Test
    void aFormerMemberReadsOnlyTheirOwnTimeAndNothingElse() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        String group = start(ann, "g", bob);
        say(ann, group, "one");
        say(bob, group, "two");
        assertThat(member("DELETE", ann, group, bob.id(), null).statusCode()).isEqualTo(204);
        say(ann, group, "three, after bob");

        JsonNode history = get(bob, "/api/v1/conversations/" + group + "/messages");
        assertThat(history.path("items")).extracting(m -> m.path("seq").asLong()).containsExactly(2L, 1L);
        assertThat(get(bob, "/api/v1/conversations/" + group + "/messages?after_seq=1").path("items"))
                .extracting(m -> m.path("seq").asLong()).containsExactly(2L);
        assertError(http.get("/api/v1/conversations/" + group, bob.token()), 404, "not_found");
        assertError(send(bob, group, "text", "let me in"), 404, "not_found");
        assertError(http.send("POST", "/api/v1/conversations/" + group + "/read", bob.token(),
                ApiClient.body("up_to_seq", 1)), 404, "not_found");
        String mine = history.path("items").get(0).path("id").asText();
        assertError(http.send("PATCH", "/api/v1/messages/" + mine, bob.token(), ApiClient.body("text", "x")), 404,
                "not_found");
        assertError(http.send("PUT", "/api/v1/messages/" + mine + "/reactions/%F0%9F%91%8D", bob.token(), null),
                404, "not_found");
        assertThat(get(bob, "/api/v1/conversations").path("items")).isEmpty();

        // Added back, they see everything again.
        member("POST", ann, group, bob.id(), null);
        assertThat(get(bob, "/api/v1/conversations/" + group + "/messages").path("items")).hasSize(3);
    }

    @Test
    void aGroupHoldsAtMost256Members() {
        People.Person owner = people.register();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            others.add(people.register().id());
        }
        HttpResponse<String> full = http.send("POST", "/api/v1/conversations", owner.token(),
                ApiClient.body("member_ids", others, "name", "full"));
        assertThat(full.statusCode()).as(full.body()).isEqualTo(201);
        String group = ApiClient.json(full).path("id").asText();
        assertThat(ApiClient.json(full).path("member_count").asInt()).isEqualTo(256);
        assertError(member("POST", owner, group, people.register().id(), null), 422, "group_full");
        assertThat(member("DELETE", owner, group, others.get(0), null).statusCode()).isEqualTo(204);
        assertThat(member("POST", owner, group, people.register().id(), null).statusCode()).isEqualTo(200);
    }
}
