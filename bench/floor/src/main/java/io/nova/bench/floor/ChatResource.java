package io.nova.bench.floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The floor's two HTTP calls: {@code POST /floor/setup?pairs=N} (N direct conversations of two new user ids, for
 * the load generator) and {@code POST /api/v1/conversations/{id}/messages} (the send, the path Nova serves it on,
 * so the generator's requests are the same bytes). Membership is checked against what setup made, in memory.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ChatResource {

    /** A conversation of the setup and its two members. */
    public record Pair(UUID conversation, UUID a, UUID b) {
    }

    /** The send's body. */
    public record Text(String text) {
    }

    private final Jdbi jdbi;
    private final ChatWriter writer;
    private final Map<UUID, List<UUID>> members = new ConcurrentHashMap<>();

    ChatResource(Jdbi jdbi, ChatWriter writer) {
        this.jdbi = jdbi;
        this.writer = writer;
    }

    @POST
    @Path("floor/setup")
    public List<Pair> setup(@QueryParam("pairs") int pairs) {
        List<Pair> made = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            made.add(new Pair(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        }
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO floor_conversations (id, member_a, member_b) SELECT * FROM unnest(:ids, :as, :bs)""")
                .bindArray("ids", UUID.class, made.stream().map(Pair::conversation).toArray())
                .bindArray("as", UUID.class, made.stream().map(Pair::a).toArray())
                .bindArray("bs", UUID.class, made.stream().map(Pair::b).toArray())
                .execute());
        made.forEach(pair -> members.put(pair.conversation(), List.of(pair.a(), pair.b())));
        return made;
    }

    @POST
    @Path("api/v1/conversations/{id}/messages")
    public Response send(@PathParam("id") UUID conversation, @HeaderParam("Authorization") String bearer, Text body)
            throws InterruptedException {
        UUID sender;
        try {
            sender = UUID.fromString(bearer == null ? "" : bearer.replaceFirst("^Bearer ", ""));
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException("the bearer is a user id", 401);
        }
        List<UUID> those = members.get(conversation);
        if (those == null || !those.contains(sender)) {
            throw new WebApplicationException("not a member", 404);
        }
        if (body == null || body.text() == null || body.text().isEmpty() || body.text().length() > 4000) {
            throw new WebApplicationException("text: 1 to 4000 characters", 422);
        }
        try {
            return Response.status(201).entity(writer.send(conversation, sender, those, body.text())
                    .get(10, TimeUnit.SECONDS)).build();
        } catch (ExecutionException | TimeoutException e) {
            throw new WebApplicationException("not written: " + e, 503);
        }
    }
}
