package io.nova.user;

import io.dropwizard.core.setup.Environment;
import io.nova.contracts.Topics;
import io.nova.kernel.ServiceContext;
import io.nova.kernel.analytics.ClickHouseConfig;
import io.nova.kernel.analytics.ClickHouseHealthCheck;
import io.nova.user.clients.ClickHouseAnalytics;
import io.nova.user.core.Avatars;
import io.nova.user.core.PostCatalog;
import io.nova.user.core.discovery.DiscoverPosts;
import io.nova.user.core.discovery.DiscoveryConsumer;
import io.nova.user.core.discovery.EngagementSink;
import io.nova.user.core.discovery.Suggestions;
import io.nova.user.core.discovery.Trending;
import io.nova.user.core.discovery.TrendingRules;
import io.nova.user.db.DiscoveryStore;
import io.nova.user.db.ProfileStore;
import io.nova.user.db.SuggestionStore;
import io.nova.user.db.TrendingStore;
import io.nova.user.resources.DiscoverResource;
import io.nova.user.resources.TopPostsTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Discovery (docs/api-discovery.md): the consumer that keeps trending's tables from content-service's events,
 * {@code /api/v1/discover/posts|users|tags}, the pruning of engagements no ranking reaches, and — only when
 * CLICKHOUSE_URL is set — the copy of engagement events to ClickHouse with its health check and the
 * {@code discovery-top-posts} admin task.
 */
final class DiscoveryWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryWiring.class);

    private DiscoveryWiring() {
    }

    static void install(DiscoveryConfig config, ClickHouseConfig clickhouse, Environment environment,
                        ServiceContext context, PostCatalog catalog, Avatars avatars) {
        DiscoveryStore discovery = new DiscoveryStore();
        context.consume(config.getConsumer(), List.of(Topics.CONTENT_EVENTS),
                new DiscoveryConsumer(context.jdbi(), discovery));

        TrendingRules rules = new TrendingRules(config.getLikeWeight(), config.getCommentWeight(),
                config.getHalfLife().toJavaDuration(), config.getWindow().toJavaDuration(), config.getMinEngagement());
        Trending trending = new Trending(context.jdbi(), new TrendingStore(), rules,
                config.getTagWindow().toJavaDuration(), config.getCursorLifetime().toJavaDuration(),
                Clock.systemUTC());
        environment.jersey().register(new DiscoverResource(new DiscoverPosts(trending, catalog),
                new Suggestions(context.jdbi(), new SuggestionStore(), new ProfileStore(), avatars), trending));

        long pruneEvery = config.getPruneInterval().toMilliseconds();
        environment.lifecycle().scheduledExecutorService("discovery-pruner").threads(1).build()
                .scheduleWithFixedDelay(() -> {
                    try {
                        trending.prune(discovery);
                    } catch (RuntimeException e) {
                        LOG.warn("Pruning discovery engagements failed; next try in {} ms: {}", pruneEvery,
                                e.toString());
                    }
                }, pruneEvery, pruneEvery, TimeUnit.MILLISECONDS);

        if (clickhouse != null && clickhouse.isEnabled()) {
            ClickHouseAnalytics analytics = new ClickHouseAnalytics(clickhouse.getUrl(), Duration.ofSeconds(10),
                    environment.getObjectMapper());
            environment.healthChecks().register(ClickHouseHealthCheck.NAME, new ClickHouseHealthCheck(clickhouse));
            context.consume(config.getAnalyticsConsumer(), List.of(Topics.CONTENT_EVENTS),
                    new EngagementSink(analytics));
            environment.admin().addTask(new TopPostsTask(analytics, environment.getObjectMapper()));
        }
    }
}
