package io.nova.kernel.paging;

import jakarta.ws.rs.QueryParam;

/**
 * The paging parameters of every list endpoint, taken as one {@code @BeanParam PageParams page}: {@code limit}
 * (default 20, clamped to 1..100) and {@code cursor}. Services read it through {@link PageParamsProvider}; the
 * annotations say the same for anything else that reads the resource methods.
 */
public final class PageParams {

    @QueryParam("limit")
    private Integer limit;

    @QueryParam("cursor")
    private String cursor;

    public PageParams() {
    }

    public PageParams(Integer limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    /** The page asked for; a cursor we did not issue is a 400 {@code invalid_cursor}. */
    public PageRequest request() {
        return PageRequest.of(limit, cursor);
    }
}
