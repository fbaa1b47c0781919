package io.nova.kernel.redis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a resource method to {@code limit} calls per {@code windowSeconds} per caller (the authenticated user,
 * else the client address). Responses carry X-RateLimit-Limit/Remaining/Reset; over the limit they are 429 with
 * Retry-After.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** Names the counter; methods sharing a name share the budget. */
    String name();

    long limit();

    long windowSeconds() default 60;
}
