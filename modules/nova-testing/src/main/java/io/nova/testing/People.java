package io.nova.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Real users of the running user-service, for the tests of every service that needs people: signed up through its
 * register endpoint, related through its API.
 */
public final class People {

    /** A registered person: id, username and a live access token every service of the stack accepts. */
    public record Person(String id, String username, String token) {
    }

    private final ApiClient users;

    public People(ApiClient users) {
        this.users = users;
    }

    public Person register() {
        return register("u" + unique());
    }

    public Person register(String username) {
        HttpResponse<String> response = users.send("POST", "/api/v1/auth/register", null, ApiClient.body(
                "email", username.toLowerCase() + "@example.com", "username", username,
                "password", "correct horse battery"));
        if (response.statusCode() != 201) {
            throw new AssertionError("register " + username + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode body = ApiClient.json(response);
        return new Person(body.path("user").path("id").asText(), username, body.path("access_token").asText());
    }

    public void follow(Person who, Person whom) {
        expect200(users.send("PUT", "/api/v1/relationships/following/" + whom.id(), who.token(), null));
    }

    /** {@code who} (a private account) approves the follow request {@code requester} made. */
    public void approve(Person who, Person requester) {
        expect200(users.send("POST", "/api/v1/relationships/follow-requests/" + requester.id() + "/approve",
                who.token(), null));
    }

    public void block(Person who, Person whom) {
        expect200(users.send("PUT", "/api/v1/relationships/blocks/" + whom.id(), who.token(), null));
    }

    public void unblock(Person who, Person whom) {
        expect200(users.send("DELETE", "/api/v1/relationships/blocks/" + whom.id(), who.token(), null));
    }

    public void makePrivate(Person who) {
        expect200(users.send("PATCH", "/api/v1/users/me", who.token(), ApiClient.body("private_account", true)));
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void expect200(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
    }
}
