package io.nova.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Builds a population through the public API, as clients would: sign-ups, the follows of a {@link SocialGraph},
 * a first read of everyone's home feed, then posts — text with mentions of people the author follows and a hashtag now and then, and an image on some
 * (presign, PUT to S3, complete, wait until media-service made it ready). Follows come before posts so the posts
 * fan out into the home feeds the mix will read.
 */
public final class Seeder {

    private static final String[] WORDS = ("morning coffee sunset river walk city lights weekend project music "
            + "garden rain train book friends market bread mountain quiet street old new happy long").split(" ");
    private static final String[] TAGS = {"travel", "food", "music", "photo", "weekend", "nova"};

    private final NovaClient client;
    private final int postsPerUser;
    private final double imageShare;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    public Seeder(NovaClient client, int postsPerUser, double imageShare) {
        this.client = client;
        this.postsPerUser = postsPerUser;
        this.imageShare = imageShare;
    }

    public Population seed(String baseUrl, SocialGraph graph, long seed) {
        try {
            Population population = new Population();
            population.baseUrl = baseUrl;
            population.seed = seed;
            population.createdAt = Instant.now().toString();
            String prefix = "nb" + Long.toString(System.currentTimeMillis() / 1000, 36);
            Population.Member[] members = new Population.Member[graph.users()];
            run("sign up " + graph.users() + " users", graph.users(), i -> members[i] = register(prefix, i));
            for (Population.Member member : members) {
                member.following = graph.following(member.index);
                population.users.add(member);
            }
            List<int[]> edges = new ArrayList<>();
            for (Population.Member member : members) {
                for (int followed : member.following) {
                    edges.add(new int[] {member.index, followed});
                }
            }
            run("follow " + edges.size() + " times", edges.size(), e -> client.put(
                    "/api/v1/relationships/following/" + members[edges.get(e)[1]].id,
                    members[edges.get(e)[0]].accessToken));
            // A timeline starts at a user's first read (docs/api-feed.md: inactive users are not fanned out to), so
            // everyone opens the app once before anyone posts, as an active population would have.
            run("read " + graph.users() + " home feeds once", graph.users(),
                    i -> client.get("/api/v1/feed?limit=10", members[i].accessToken));
            int posts = graph.users() * postsPerUser;
            run("post " + posts + " posts", posts, p -> post(members, p % graph.users(), new Random(seed + p)));
            return population;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every user opens the app once: a timeline that expired or was never built is rebuilt now, outside any
     * measurement (an active population's timelines exist; a rebuild storm is a different test).
     */
    public void openEveryFeed(List<Population.Member> members) {
        try {
            run("read " + members.size() + " home feeds once", members.size(),
                    i -> client.get("/api/v1/feed?limit=10", members.get(i).accessToken));
        } finally {
            pool.shutdownNow();
        }
    }

    private Population.Member register(String prefix, int index) {
        String username = prefix + "_" + index;
        JsonNode answer = client.post("/api/v1/auth/register", null, Map.of(
                "email", username + "@bench.example", "username", username, "password", "nova bench " + prefix));
        Population.Member member = new Population.Member();
        member.index = index;
        member.id = answer.path("user").path("id").asText();
        member.username = username;
        member.refreshToken = answer.path("refresh_token").asText();
        member.accessToken = answer.path("access_token").asText();
        return member;
    }

    private void post(Population.Member[] members, int author, Random random) {
        Population.Member member = members[author];
        StringBuilder text = new StringBuilder();
        for (int w = 0, words = 5 + random.nextInt(20); w < words; w++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        for (int m = 0, mentions = random.nextInt(3); m < mentions && member.following.length > 0; m++) {
            text.append('@').append(members[member.following[random.nextInt(member.following.length)]].username)
                    .append(' ');
        }
        if (random.nextInt(4) == 0) {
            text.append('#').append(TAGS[random.nextInt(TAGS.length)]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text.toString().trim());
        if (random.nextDouble() < imageShare) {
            body.put("media_ids", List.of(uploadImage(member.accessToken, random)));
        }
        client.post("/api/v1/posts", member.accessToken, body);
    }

    private String uploadImage(String token, Random random) {
        byte[] png = png(random);
        JsonNode presigned = client.post("/api/v1/uploads", token, Map.of("filename", "bench.png",
                "content_type", "image/png", "size_bytes", png.length, "purpose", "image"));
        String id = presigned.path("upload_id").asText();
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        client.upload(presigned.path("url").asText(), headers, png);
        client.post("/api/v1/uploads/" + id + "/complete", token, Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            String status = client.get("/api/v1/uploads/" + id, token).path("status").asText();
            if (status.equals("ready")) {
                return id;
            }
            if (status.equals("failed") || System.nanoTime() > deadline) {
                throw new IllegalStateException("image " + id + " did not become ready: " + status);
            }
            NovaClient.pause(200);
        }
    }

    private static byte[] png(Random random) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(random.nextInt(0xFFFFFF)));
        graphics.fillRect(0, 0, 320, 240);
        graphics.setColor(new Color(random.nextInt(0xFFFFFF)));
        graphics.fillOval(random.nextInt(200), random.nextInt(120), 120, 120);
        graphics.dispose();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} tasks on the pool, with progress every ten per cent; the first failure stops the seed. */
    private void run(String what, int count, IntConsumer task) {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int item = i;
            futures.add(pool.submit(() -> {
                task.accept(item);
                int finished = done.incrementAndGet();
                if (finished % Math.max(1, count / 10) == 0) {
                    System.out.printf("bench: seed: %s — %d/%d%n", what, finished, count);
                }
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("seed: " + what + " failed: " + e.getMessage(), e);
        }
        System.out.printf("bench: seed: %s — done in %.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }

}
