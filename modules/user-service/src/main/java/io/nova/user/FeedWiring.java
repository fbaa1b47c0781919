package io.nova.user;

import io.dropwizard.core.setup.Environment;
import io.nova.contracts.OwnPostMarks;
import io.nova.contracts.Topics;
import io.nova.kernel.ServiceContext;
import io.nova.user.core.PostCatalog;
import io.nova.user.core.feed.FeedFanOut;
import io.nova.user.core.feed.HomeFeed;
import io.nova.user.core.feed.Timelines;
import io.nova.user.core.feed.WideAuthors;
import io.nova.user.core.feed.WideFollowees;
import io.nova.user.db.FeedStore;
import io.nova.user.resources.FeedResource;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Builds the home feed (docs/api-feed.md): the timelines in Redis, the consumer that fans posts out and follows
 * graph changes (content-service's events and user-service's own), the background rebuilds and {@code GET /feed}.
 */
final class FeedWiring {

    private FeedWiring() {
    }

    /** What the graph tells when a follower count crosses the fan-out threshold (built before the graph). */
    static WideAuthors wideAuthors(FeedConfig config, ServiceContext context) {
        return new WideAuthors(context.redis(), config.getKeyPrefix(), config.getFanOutMaxFollowers());
    }

    static void install(FeedConfig config, Environment environment, ServiceContext context, PostCatalog catalog,
                        WideAuthors wideAuthors) {
        FeedStore store = new FeedStore();
        Timelines timelines = new Timelines(context.redis(), config.getKeyPrefix(), config.getTimelineSize(),
                config.getInactiveAfter().toJavaDuration(), config.getBuildTimeout().toJavaDuration(), wideAuthors);
        ExecutorService rebuilds = environment.lifecycle().executorService("feed-rebuild")
                .minThreads(config.getRebuildThreads()).maxThreads(config.getRebuildThreads()).build();
        HomeFeed feed = new HomeFeed(context.jdbi(), store, timelines, catalog,
                new WideFollowees(context.jdbi(), store, wideAuthors, config.getWideFolloweesCacheSize()), rebuilds);
        environment.jersey().register(new FeedResource(feed));
        context.consume(config.getConsumer(), List.of(Topics.CONTENT_EVENTS, Topics.USER_EVENTS),
                new FeedFanOut(context.jdbi(), store, timelines, catalog, config.getFanOutMaxFollowers(),
                        new OwnPostMarks(context.redis())));
    }
}
