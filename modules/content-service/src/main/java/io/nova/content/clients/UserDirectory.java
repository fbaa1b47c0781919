package io.nova.content.clients;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nova.clients.posts.AuthorView;
import io.nova.content.core.Author;
import io.nova.content.core.Users;
import io.nova.kernel.grpc.GrpcCalls;
import io.nova.proto.user.v1.GetUserSummariesRequest;
import io.nova.proto.user.v1.GetUsersByUsernameRequest;
import io.nova.proto.user.v1.UserServiceGrpc;
import io.nova.proto.user.v1.UserSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Users} from user-service (gRPC): author summaries, batched and cached briefly in-process (names change
 * rarely and every page needs them; a switch to a private account therefore applies within the cache's time to
 * live), and usernames for @mentions.
 */
public final class UserDirectory implements Users {

    static final String SERVICE = "user-service";
    private static final int BATCH = 100;

    private final UserServiceGrpc.UserServiceBlockingStub users;
    private final Cache<UUID, Optional<Author>> authors;

    public UserDirectory(UserServiceGrpc.UserServiceBlockingStub users, Duration cacheTtl, long cacheSize) {
        this.users = users;
        this.authors = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheSize).build();
    }

    /** One call per 100 uncached ids; unknown users are remembered as unknown for as long as known ones. */
    @Override
    public Map<UUID, Author> authors(Collection<UUID> ids) {
        Map<UUID, Author> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Optional<Author> cached = authors.getIfPresent(id);
            if (cached == null) {
                missing.add(id);
            } else {
                cached.ifPresent(author -> found.put(id, author));
            }
        }
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<UUID> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            Map<UUID, Author> answered = new HashMap<>();
            GrpcCalls.call(SERVICE, () -> users.getUserSummaries(GetUserSummariesRequest.newBuilder()
                            .addAllUserIds(batch.stream().map(UUID::toString).toList()).build()))
                    .getUsersList().forEach(user -> answered.put(UUID.fromString(user.getId()),
                            new Author(view(user), user.getPrivateAccount())));
            for (UUID id : batch) {
                Author author = answered.get(id);
                authors.put(id, Optional.ofNullable(author));
                if (author != null) {
                    found.put(id, author);
                }
            }
        }
        return found;
    }

    @Override
    public Map<String, AuthorView> byUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, AuthorView> found = new HashMap<>();
        GrpcCalls.call(SERVICE, () -> users.getUsersByUsername(GetUsersByUsernameRequest.newBuilder()
                        .addAllUsernames(usernames).build()))
                .getUsersList()
                .forEach(user -> found.put(user.getUsername().toLowerCase(Locale.ROOT), view(user)));
        return found;
    }

    private static AuthorView view(UserSummary user) {
        return new AuthorView(user.getId(), user.getUsername(), user.getDisplayName(),
                user.getAvatarUrl().isEmpty() ? null : user.getAvatarUrl());
    }
}
