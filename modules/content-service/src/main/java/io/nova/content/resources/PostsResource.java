package io.nova.content.resources;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.nova.content.api.BookmarkState;
import io.nova.content.api.CreatePostRequest;
import io.nova.content.api.LikeState;
import io.nova.clients.posts.PostView;
import io.nova.content.core.InteractionService;
import io.nova.content.core.PostEdit;
import io.nova.content.core.PostLists;
import io.nova.content.core.PostService;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.kernel.redis.IdempotencyKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** {@code /api/v1/posts}: posts, an author's timeline, likes and bookmarks. */
@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
public final class PostsResource {

    /** RFC 7396; plain JSON is accepted too, since that is what most clients send. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final PostService posts;
    private final PostLists lists;
    private final InteractionService interactions;
    private final IdempotencyKeys idempotency;

    public PostsResource(PostService posts, PostLists lists, InteractionService interactions,
                         IdempotencyKeys idempotency) {
        this.posts = posts;
        this.lists = lists;
        this.interactions = interactions;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public Response create(@Auth NovaPrincipal caller, @HeaderParam(IdempotencyKeys.HEADER) String key,
                           CreatePostRequest body) {
        if (body == null) {
            throw DomainException.invalid("malformed_json", "The request body must be a JSON object");
        }
        caller.id();  // a token whose subject is no user id is refused before any replay is looked up
        return idempotency.run("POST /api/v1/posts", caller.userId(), key, body, () -> {
            PostView post = posts.create(caller, body);
            return Response.created(URI.create("/api/v1/posts/" + post.id())).entity(post).build();
        });
    }

    @GET
    @Timed
    public Response byAuthor(@Auth NovaPrincipal caller, @QueryParam("author") String author,
                             @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(lists.timeline(caller.id(), author, page.request()), uri);
    }

    @GET
    @Path("/bookmarks")
    @Timed
    public Response bookmarks(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(lists.bookmarks(caller.id(), page.request()), uri);
    }

    @GET
    @Path("/{id}")
    @Timed
    public PostView get(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return posts.get(caller.id(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Timed
    public PostView edit(@Auth NovaPrincipal caller, @PathParam("id") String id, JsonNode body) {
        return posts.edit(caller.id(), id, PostEdit.parse(body));
    }

    @DELETE
    @Path("/{id}")
    @Timed
    public Response delete(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        posts.delete(caller.id(), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/like")
    @Timed
    public LikeState like(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return interactions.like(caller.id(), id);
    }

    @DELETE
    @Path("/{id}/like")
    @Timed
    public LikeState unlike(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return interactions.unlike(caller.id(), id);
    }

    @GET
    @Path("/{id}/likes")
    @Timed
    public Response likes(@Auth NovaPrincipal caller, @PathParam("id") String id,
                          @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(interactions.likers(caller.id(), id, page.request()), uri);
    }

    @PUT
    @Path("/{id}/bookmark")
    @Timed
    public BookmarkState bookmark(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return interactions.bookmark(caller.id(), id);
    }

    @DELETE
    @Path("/{id}/bookmark")
    @Timed
    public BookmarkState unbookmark(@Auth NovaPrincipal caller, @PathParam("id") String id) {
        return interactions.unbookmark(caller.id(), id);
    }
}
