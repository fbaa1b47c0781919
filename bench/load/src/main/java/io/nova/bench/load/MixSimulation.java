package io.nova.bench.load;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The DeathStarBench social-network mix, open-loop: 60 % read the home feed, 30 % read a user's timeline, 10 %
 * compose a post; pages of 10 posts. Arrivals come at a fixed rate per level regardless of how fast Nova answers
 * (a slow answer does not slow the load, as with real users), first a warm-up, then each rate of
 * {@code nova.rates} for {@code nova.levelSeconds}. Every request is counted in the group of the level it
 * started in, so the report has each level's percentiles; CPU per process is sampled at each level's edges.
 */
public class MixSimulation extends Simulation {

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final Population population = Populations.signedIn(settings);
    private final LevelClock clock = new LevelClock(settings);

    private final HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl().toString())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("nova-bench")
            .shareConnections()
            .disableCaching();

    private final ScenarioBuilder mix = scenario("social-network mix")
            .feed(actors())
            .exec(session -> session.set("level", clock.levelNameNow()))
            .group("#{level}").on(randomSwitch().on(
                    percent(60.0).then(http("home feed").get("/api/v1/feed?limit=10")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200))),
                    percent(30.0).then(http("user timeline").get("/api/v1/posts?author=#{author}&limit=10")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().is(200))),
                    percent(10.0).then(http("compose post").post("/api/v1/posts")
                            .header("Authorization", "Bearer #{token}")
                            .body(StringBody("#{post}"))
                            .check(status().is(201)))));

    {
        List<OpenInjectionStep> steps = new ArrayList<>();
        steps.add(constantUsersPerSec(settings.warmupRate()).during(settings.warmupSeconds()));
        for (int rate : settings.rates()) {
            steps.add(constantUsersPerSec(rate).during(settings.levelSeconds()));
        }
        setUp(mix.injectOpen(steps)).protocols(protocol);
    }

    @Override
    public void before() {
        clock.start();
    }

    @Override
    public void after() {
        clock.finish();
    }

    /** Who acts: a random seeded user, a random author to read, a post to write mentioning someone followed. */
    private Iterator<Map<String, Object>> actors() {
        List<Population.Member> users = population.users;
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Population.Member actor = users.get(random.nextInt(users.size()));
            Population.Member author = users.get(random.nextInt(users.size()));
            String mention = actor.following.length == 0 ? ""
                    : " @" + users.get(actor.following[random.nextInt(actor.following.length)]).username;
            String post = "{\"text\":\"bench post " + random.nextInt(1_000_000) + mention + " #nova\"}";
            return Map.<String, Object>of("token", actor.accessToken, "author", author.id, "post", post);
        }).iterator();
    }
}
