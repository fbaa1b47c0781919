package io.nova.kernel;

import io.nova.kernel.errors.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.List;

/** Endpoints for the kernel tests: they fail in every way a real resource can, page, and need a caller. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ProbeResource {

    public record Note(@NotBlank @Size(max = 10) String text, @Min(0) @Max(5) int stars,
                       @NotNull @Size(max = 2) List<String> tags) {
    }

    @POST
    @Path("/notes")
    public Note create(@NotNull @Valid Note note) {
        return note;
    }

    @GET
    @Path("/items/{id}")
    public String item(@PathParam("id") long id, @QueryParam("limit") Integer limit) {
        return "{\"id\":" + id + "}";
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw DomainException.conflict("username_taken", "That username is taken");
    }

    /** Echoes a search term and a path segment (hostile-input tests). */
    @GET
    @Path("/search/{scope}")
    public java.util.Map<String, String> search(@PathParam("scope") String scope, @QueryParam("q") String q) {
        return java.util.Map.of("scope", scope, "q", q == null ? "" : q);
    }

    /** Takes a free-form document, as a JSON merge patch is taken. */
    @POST
    @Path("/patch")
    public com.fasterxml.jackson.databind.JsonNode patch(com.fasterxml.jackson.databind.JsonNode patch) {
        return patch;
    }

    /** A domain error of the kind named, as {@link io.nova.kernel.errors.Refusals} builds it. */
    @GET
    @Path("/refuse/{kind}")
    public String refuse(@PathParam("kind") io.nova.kernel.errors.ErrorKind kind) {
        throw io.nova.kernel.errors.Refusals.of(kind);
    }

    @GET
    @Path("/too-many")
    public String tooMany() {
        throw DomainException.tooManyRequests(Duration.ofSeconds(7));
    }

    /** 0..49, newest (highest) first, paged by the last number seen. */
    @GET
    @Path("/numbers")
    public jakarta.ws.rs.core.Response numbers(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                               @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        io.nova.kernel.paging.PageRequest page = io.nova.kernel.paging.PageRequest.of(limit, cursor);
        long before = page.cursor().map(c -> c.longPart(0)).orElse(50L);
        List<Long> fetched = java.util.stream.LongStream.iterate(before - 1, n -> n >= 0, n -> n - 1)
                .limit(page.fetchSize()).boxed().toList();
        return io.nova.kernel.paging.PagedResponse.of(io.nova.kernel.paging.Page.from(fetched, page,
                n -> io.nova.kernel.paging.Cursor.of(Long.toString(n))), uri);
    }

    @GET
    @Path("/me")
    public java.util.Map<String, String> me(@io.dropwizard.auth.Auth io.nova.kernel.auth.NovaPrincipal caller) {
        return java.util.Map.of("user_id", caller.userId());
    }

    @GET
    @Path("/bug")
    public String bug() {
        throw new IllegalStateException("secret internal detail");
    }

    /** What Redisson throws when Redis stalls and its connection pool runs dry (seen under load). */
    @GET
    @Path("/redis-stalled")
    public String redisStalled() {
        throw new org.redisson.client.RedisTimeoutException("Unable to acquire connection! Increase connection pool size.");
    }

    /** What Jdbi throws when no pooled connection frees up in time (seen under load) or PostgreSQL is away. */
    @GET
    @Path("/db-exhausted")
    public String dbExhausted() {
        throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLException("Pool empty. Unable to fetch a connection"));
    }

    /** What Jdbi throws when PostgreSQL shuts down under a statement (seen in the PostgreSQL restart drill). */
    @GET
    @Path("/db-cut")
    public String dbCut() {
        throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(new java.sql.SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"), null);
    }

    /** A database failure that is a bug (a constraint the code should have kept): still a 500. */
    @GET
    @Path("/db-bug")
    public String dbBug() {
        throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(new java.sql.SQLException(
                "ERROR: duplicate key value violates unique constraint \"secret_table_pkey\"", "23505"), null);
    }

    /** A 503 whose error names no retry time (a peer that did not answer). */
    @GET
    @Path("/peer-down")
    public String peerDown() {
        throw io.nova.kernel.errors.DomainException.unavailable("dependency_unavailable", "a peer did not answer");
    }
}
