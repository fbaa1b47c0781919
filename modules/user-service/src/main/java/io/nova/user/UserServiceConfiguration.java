package io.nova.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nova.kernel.config.NovaConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The kernel's configuration plus user-service's {@code auth} block (token signing, password hashing, limits) and
 * {@code avatars} (media-service, where avatars are checked and served from) and {@code feed} (the home feed).
 */
public final class UserServiceConfiguration extends NovaConfiguration {

    @Valid
    @NotNull
    private AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    private AvatarConfig avatars = new AvatarConfig();

    @Valid
    @NotNull
    private FeedConfig feed = new FeedConfig();

    /** Trending, who to follow, and the ClickHouse copy of engagement (DiscoveryWiring). */
    @Valid
    @NotNull
    private DiscoveryConfig discovery = new DiscoveryConfig();

    @JsonProperty
    public DiscoveryConfig getDiscovery() {
        return discovery;
    }

    @JsonProperty
    public void setDiscovery(DiscoveryConfig discovery) {
        this.discovery = discovery;
    }

    @JsonProperty
    public FeedConfig getFeed() {
        return feed;
    }

    @JsonProperty
    public void setFeed(FeedConfig feed) {
        this.feed = feed;
    }

    @JsonProperty
    public AvatarConfig getAvatars() {
        return avatars;
    }

    @JsonProperty
    public void setAvatars(AvatarConfig avatars) {
        this.avatars = avatars;
    }

    @JsonProperty
    public AuthConfig getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfig auth) {
        this.auth = auth;
    }
}
