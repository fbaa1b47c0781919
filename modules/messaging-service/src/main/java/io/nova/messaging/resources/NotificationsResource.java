package io.nova.messaging.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.paging.PageParams;
import io.nova.kernel.paging.PagedResponse;
import io.nova.messaging.api.NotificationsMarker;
import io.nova.messaging.api.NotificationsReadRequest;
import io.nova.messaging.core.notifications.NotificationQueries;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/v1/notifications}: the caller's own notifications, their unread count and read marker. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationsResource {

    private final NotificationQueries notifications;

    public NotificationsResource(NotificationQueries notifications) {
        this.notifications = notifications;
    }

    @GET
    @Timed
    public Response list(@Auth NovaPrincipal caller, @BeanParam PageParams page, @Context UriInfo uri) {
        return PagedResponse.of(notifications.list(caller.id(), page.request()), uri);
    }

    @GET
    @Path("/unread-count")
    @Timed
    public NotificationsMarker unreadCount(@Auth NovaPrincipal caller) {
        return notifications.unread(caller.id());
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed
    public NotificationsMarker read(@Auth NovaPrincipal caller, NotificationsReadRequest body) {
        Bodies.require(body);
        return notifications.read(caller.id(), body);
    }
}
