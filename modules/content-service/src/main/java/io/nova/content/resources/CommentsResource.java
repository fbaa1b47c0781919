package io.nova.content.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.content.api.CommentView;
import io.nova.content.api.CreateCommentRequest;
import io.nova.content.core.CommentService;
import io.nova.content.core.Ids;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.PageRequest;
import io.nova.kernel.paging.PagedResponse;
import io.nova.kernel.redis.IdempotencyKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** {@code /api/v1/posts/{id}/comments}: comments under a post, oldest first. */
@Path("/api/v1/posts/{postId}/comments")
@Produces(MediaType.APPLICATION_JSON)
public final class CommentsResource {

    private final CommentService comments;
    private final IdempotencyKeys idempotency;

    public CommentsResource(CommentService comments, IdempotencyKeys idempotency) {
        this.comments = comments;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public Response create(@Auth NovaPrincipal caller, @PathParam("postId") String postId,
                           @HeaderParam(IdempotencyKeys.HEADER) String key, CreateCommentRequest body) {
        if (body == null) {
            throw DomainException.invalid("malformed_json", "The request body must be a JSON object");
        }
        Ids.caller(caller);
        return idempotency.run("POST /api/v1/posts/" + postId + "/comments", caller.userId(), key, body, () -> {
            CommentView comment = comments.create(Ids.caller(caller), postId, body);
            return Response.created(URI.create("/api/v1/posts/" + comment.postId() + "/comments/" + comment.id()))
                    .entity(comment).build();
        });
    }

    @GET
    @Timed
    public Response list(@Auth NovaPrincipal caller, @PathParam("postId") String postId,
                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        return PagedResponse.of(comments.list(Ids.caller(caller), postId, PageRequest.of(limit, cursor)), uri);
    }

    @DELETE
    @Path("/{commentId}")
    @Timed
    public Response delete(@Auth NovaPrincipal caller, @PathParam("postId") String postId,
                           @PathParam("commentId") String commentId) {
        comments.delete(Ids.caller(caller), postId, commentId);
        return Response.noContent().build();
    }
}
