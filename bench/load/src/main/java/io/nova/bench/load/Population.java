package io.nova.bench.load;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The seeded users of one Nova (one base URL), kept in a file so every run after the first reuses them: ids,
 * usernames, whom they follow, and their refresh tokens. Access tokens live 15 minutes, so each run refreshes
 * every user first ({@link #signIn}) and writes the rotated refresh tokens back at once — a refresh token is
 * spent by use, and presenting a spent one would revoke the user's session.
 */
public final class Population {

    public static final class Member {
        public int index;
        public String id;
        public String username;
        public String refreshToken;
        public int[] following;
        @JsonIgnore
        public volatile String accessToken;
    }

    public String baseUrl;
    public long seed;
    public String createdAt;
    public List<Member> users = new ArrayList<>();

    /** Where the population of {@code base} is kept: beside the local platform's data, which a reset wipes too. */
    public static Path file(Path stateDirectory, URI base) {
        String name = (base.getHost() + "-" + base.getPort()).replaceAll("[^A-Za-z0-9.-]", "_");
        return stateDirectory.resolve("population-" + name + ".json");
    }

    public static Population load(Path file) {
        try {
            return NovaClient.JSON.readValue(file.toFile(), Population.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            NovaClient.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Fresh access tokens for everyone, eight refreshes at a time; the rotated refresh tokens are saved before
     * this returns. False when the platform no longer knows these users (it was reset): seed a new population.
     */
    public boolean signIn(NovaClient client, Path file) {
        try {
            refresh(client, users.get(0));
        } catch (NovaClient.Refused refused) {
            if (refused.status() != 401) {
                throw refused;  // Nova is not well: not a reason to seed again
            }
            System.out.println("bench: the seeded users are not valid any more (" + refused.getMessage() + ")");
            return false;
        } finally {
            save(file);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> refreshes = new ArrayList<>();
            for (Member member : users.subList(1, users.size())) {
                refreshes.add(pool.submit(() -> refresh(client, member)));
            }
            for (Future<?> refresh : refreshes) {
                refresh.get(2, TimeUnit.MINUTES);
            }
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("refreshing the seeded users' tokens failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
            save(file);
        }
    }

    private static void refresh(NovaClient client, Member member) {
        JsonNode tokens = client.post("/api/v1/auth/refresh", null, Map.of("refresh_token", member.refreshToken));
        synchronized (member) {
            member.refreshToken = tokens.path("refresh_token").asText();
            member.accessToken = tokens.path("access_token").asText();
        }
    }
}
