package io.nova.user;

import io.nova.kernel.KernelPart;
import java.util.EnumSet;
import java.util.Set;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.kernel.auth.PublicKeys;
import io.nova.contracts.RelationshipVersions;
import io.nova.kernel.redis.RateLimiter;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.user.clients.GrpcMediaLibrary;
import io.nova.user.clients.GrpcPostCatalog;
import io.nova.user.core.AuthService;
import io.nova.user.core.Avatars;
import io.nova.user.core.GraphService;
import io.nova.user.core.feed.WideAuthors;
import io.nova.user.core.ProfileService;
import io.nova.user.core.SocialGraph;
import io.nova.user.core.RefreshTokenPruner;
import io.nova.user.core.PasswordHasher;
import io.nova.user.core.PasswordPolicy;
import io.nova.user.core.PostCatalog;
import io.nova.user.core.SigningKey;
import io.nova.user.core.TokenIssuer;
import io.nova.user.core.UserDirectory;
import io.nova.user.db.AccountStore;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileStore;
import io.nova.user.grpc.UserGrpcService;
import io.nova.user.resources.AuthResource;
import io.nova.user.resources.JwksResource;
import io.nova.user.resources.RelationshipsResource;
import io.nova.user.resources.UsersResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** user-service: accounts, tokens, profiles, the social graph, the home feed and discovery. */
public final class UserServiceApplication extends NovaApplication<UserServiceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(UserServiceApplication.class);

    public static void main(String[] args) throws Exception {
        new UserServiceApplication().run(serverByDefault(args));
    }

    /**
     * Accounts, profiles and the follow graph in its database; every change is an event; the home feed consumes
     * content-service's post events.
     */
    @Override
    protected Set<KernelPart> parts() {
        return EnumSet.of(KernelPart.DATABASE, KernelPart.OUTBOX, KernelPart.CONSUMERS);
    }

    @Override
    protected void runService(UserServiceConfiguration configuration, Environment environment,
                              ServiceContext context) {
        AuthConfig auth = configuration.getAuth();
        PublicKeys configuredKeys = PublicKeys.fromPem(configuration.getJwt().getPublicKeys());
        Duration skew = configuration.getJwt().getClockSkew().toJavaDuration();

        TokenIssuer issuer = null;
        List<JWK> published = new ArrayList<>(configuredKeys.toJwkSet().getKeys());
        if (auth.getSigningKey().isBlank()) {
            LOG.warn("No signing key (JWT_PRIVATE_KEY_PEM): register, login and refresh answer 503");
        } else {
            SigningKey key = SigningKey.fromPem(auth.getSigningKey());
            issuer = new TokenIssuer(key, configuredKeys, configuration.getJwt().getIssuer(),
                    configuration.getJwt().getAudience(), configuration.getJwt().getAccessTokenTtl().toJavaDuration(),
                    auth.getRefreshTokenTtl().toJavaDuration(), skew, Clock.systemUTC());
            if (configuredKeys.find(key.keyId()).isEmpty()) {
                // Verifiers that use JWKS still find it below; those configured with PEM keys (this service too,
                // for logout) refuse the tokens until JWT_PUBLIC_KEY_PEM lists it.
                LOG.warn("The signing key {} is not among JWT_PUBLIC_KEY_PEM: PEM-configured services will refuse "
                        + "its tokens", key.keyId());
                published.add(new RSAKey.Builder(key.publicKey()).keyID(key.keyId())
                        .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                        .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build());
            }
        }

        PasswordHasher hasher = new PasswordHasher(auth.getArgon2MemoryKib(), auth.getArgon2Iterations(),
                auth.getArgon2Parallelism());
        Duration window = auth.getLoginWindow().toJavaDuration();
        AuthService service = new AuthService(context.jdbi(), new AccountStore(), hasher, PasswordPolicy.load(),
                issuer, context.outbox(), context.revokedTokens(),
                new RateLimiter(context.redis(), "login-account", auth.getLoginAttemptsPerAccount(), window,
                        Clock.systemUTC()),
                new RateLimiter(context.redis(), "login-address", auth.getLoginAttemptsPerAddress(), window,
                        Clock.systemUTC()));

        environment.jersey().register(new AuthResource(service));
        environment.jersey().register(new JwksResource(new JWKSet(published)));

        AvatarConfig avatarConfig = configuration.getAvatars();
        Duration mediaDeadline = avatarConfig.getGrpcDeadline().toJavaDuration();
        Avatars avatars = new Avatars(new GrpcMediaLibrary(MediaServiceGrpc.newBlockingStub(context.channel(
                avatarConfig.getMediaServiceTarget(), mediaDeadline, MediaServiceGrpc.getServiceDescriptor())),
                mediaDeadline), avatarConfig.getUrlCacheSize());

        ProfileStore profileStore = new ProfileStore();
        GraphStore graphStore = new GraphStore();
        FeedConfig feedConfig = configuration.getFeed();
        WideAuthors wideAuthors = FeedWiring.wideAuthors(feedConfig, context);
        SocialGraph social = SocialGraph.create(context.jdbi(), profileStore, graphStore, context.outbox(), avatars,
                new RelationshipVersions(context.redis()), wideAuthors);
        GraphService graph = social.graph();
        ProfileService profiles = social.profiles();
        environment.jersey().register(new UsersResource(profiles, graph));
        environment.jersey().register(new RelationshipsResource(graph, social.requests()));
        context.grpc().addService(new UserGrpcService(
                new UserDirectory(context.jdbi(), profileStore, graphStore, profiles)));

        Duration contentDeadline = feedConfig.getGrpcDeadline().toJavaDuration();
        PostCatalog postCatalog = new GrpcPostCatalog(ContentServiceGrpc.newBlockingStub(context.channel(
                feedConfig.getContentServiceTarget(), contentDeadline, ContentServiceGrpc.getServiceDescriptor())),
                contentDeadline);
        FeedWiring.install(feedConfig, environment, context, postCatalog, wideAuthors);

        DiscoveryWiring.install(configuration.getDiscovery(), configuration.getClickhouse(), environment, context,
                postCatalog, avatars);

        long pruneEvery = auth.getRefreshTokenPruneInterval().toMilliseconds();
        environment.lifecycle().scheduledExecutorService("refresh-token-pruner").threads(1).build()
                .scheduleWithFixedDelay(new RefreshTokenPruner(context.jdbi(), new AccountStore(), Clock.systemUTC()),
                        pruneEvery, pruneEvery, TimeUnit.MILLISECONDS);
    }
}
