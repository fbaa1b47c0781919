package io.nova.kernel.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A 200 with the page as body and, when there is a next page, {@code Link: <…>; rel="next"}. */
public final class PagedResponse {

    private PagedResponse() {
    }

    public static Response of(Page<?> page, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            response.links(Link.fromUri(uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build()).rel("next").build());
        }
        return response.build();
    }
}
