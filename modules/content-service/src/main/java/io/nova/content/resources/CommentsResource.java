package io.nova.content.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.content.api.CommentView;
import io.nova.content.api.CreateCommentRequest;
import io.nova.content.core.CommentService;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.UUID;

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
        UUID author = caller.id();
        return idempotency.run("POST /api/v1/posts/" + postId + "/comments", caller.userId(), key, body, () -> {
            CommentView comment = comments.create(author, postId, body);
            return Response.created(URI.create("/api/v1/posts/" + comment.postId() + "/comments/" + comment.id()))
                    .entity(comment).build();
        });
    }

    @GET
    @Timed
    public Response list(@Auth NovaPrincipal caller, @PathParam("postId") String postId,
                         @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(comments.list(caller.id(), postId, page.request()), uri);
    }

    @DELETE
    @Path("/{commentId}")
    @Timed
    public Response delete(@Auth NovaPrincipal caller, @PathParam("postId") String postId,
                           @PathParam("commentId") String commentId) {
        comments.delete(caller.id(), postId, commentId);
        return Response.noContent().build();
    }
}
