package io.nova.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** The population a run acts as: the one seeded earlier for this Nova, or a new one seeded now. */
public final class Populations {

    private Populations() {
    }

    public static Population signedIn(BenchSettings settings) {
        NovaClient client = new NovaClient(settings.baseUrl());
        Path file = Population.file(settings.stateDirectory(), settings.baseUrl());
        if (Files.exists(file)) {
            Population population = Population.load(file);
            Quiet.awaitIfLocal(settings.baseUrl());
            if (population.seed == settings.seed() && population.signIn(client, file)) {
                System.out.printf("bench: acting as the %d users seeded at %s (%s)%n",
                        population.users.size(), population.createdAt, file);
                new Seeder(client, 0, 0).openEveryFeed(population.users);
                return population;
            }
        }
        SocialGraph graph = SocialGraph.deathStarBench(settings.seed());
        System.out.printf("bench: seeding %d users, %d follows, %d posts (%.0f %% with an image) at %s%n",
                graph.users(), graph.edges(), graph.users() * settings.postsPerUser(), settings.imageShare() * 100,
                settings.baseUrl());
        Population population = new Seeder(client, settings.postsPerUser(), settings.imageShare())
                .seed(settings.baseUrl().toString(), graph, settings.seed());
        population.save(file);
        Quiet.awaitIfLocal(settings.baseUrl());
        // Seeding takes minutes; the run gets tokens with their whole 15 minutes ahead.
        if (!population.signIn(client, file)) {
            throw new IllegalStateException("the users just seeded cannot sign in");
        }
        return population;
    }
}
