package io.nova.user.core;

import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.redis.RateLimiter;
import io.nova.kernel.redis.RedisRevokedTokens;
import io.nova.user.api.LoginRequest;
import io.nova.user.api.RegisterRequest;
import io.nova.user.api.RegisteredResponse;
import io.nova.user.api.TokenResponse;
import io.nova.user.api.UserRegistered;
import io.nova.user.api.UserView;
import io.nova.user.db.AccountStore;
import io.nova.user.db.UserRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Registration, login, refresh-token rotation and logout: the rules, on top of the store, hasher and issuer. */
public final class AuthService {

    /** One message for an unknown login and a wrong password: the answer must not tell which accounts exist. */
    static final String BAD_CREDENTIALS = "Wrong login or password";
    static final String BAD_REFRESH = "The refresh token is invalid, expired or revoked";

    private final Jdbi jdbi;
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    /** Null when no signing key is configured. */
    private final TokenIssuer issuer;
    private final Outbox outbox;
    private final RedisRevokedTokens revoked;
    private final RateLimiter perAccount;
    private final RateLimiter perAddress;

    public AuthService(Jdbi jdbi, AccountStore store, PasswordHasher hasher, PasswordPolicy policy,
                       TokenIssuer issuer, Outbox outbox, RedisRevokedTokens revoked, RateLimiter perAccount,
                       RateLimiter perAddress) {
        this.jdbi = jdbi;
        this.store = store;
        this.hasher = hasher;
        this.policy = policy;
        this.issuer = issuer;
        this.outbox = outbox;
        this.revoked = revoked;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    public RegisteredResponse register(RegisterRequest request) {
        TokenIssuer tokens = requireIssuer();
        String email = request.email().strip();
        String username = request.username();
        policy.check(request.password(), username, email);
        // Asked first for a clear answer without paying for a hash; the unique indexes still decide races.
        jdbi.useHandle(handle -> store.taken(handle, email, username).ifPresent(AuthService::throwTaken));
        String hash = hasher.hash(request.password());
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction(handle -> {
            store.insertUser(handle, id, email, username, hash).ifPresent(AuthService::throwTaken);
            UserRow user = store.findById(handle, id).orElseThrow();
            outbox.append(handle, Topics.USER_EVENTS, EventTypes.USER_REGISTERED, id.toString(),
                    new UserRegistered(id.toString(), user.username(), user.createdAt()));
            TokenResponse issued = startFamily(handle, tokens, id, UUID.randomUUID());
            return RegisteredResponse.of(new UserView(id.toString(), user.username(), user.email(), user.createdAt()),
                    issued);
        });
    }

    /**
     * Limits first (per address, then per account), then one Argon2 verification whether or not the account
     * exists, so neither the answer nor its timing tells an attacker which logins are real.
     */
    public TokenResponse login(LoginRequest request, String clientAddress) {
        TokenIssuer tokens = requireIssuer();
        perAddress.acquireOrThrow("ip:" + clientAddress);
        String login = request.login().strip();
        Optional<UserRow> user = jdbi.withHandle(handle -> store.findByLogin(handle, login));
        // An unknown name has its own budget too (hashed: no email addresses in Redis key names).
        perAccount.acquireOrThrow(user.map(row -> "user:" + row.id())
                .orElseGet(() -> "login:" + sha256(login.toLowerCase(Locale.ROOT))));
        if (user.isEmpty()) {
            hasher.verifyDecoy(request.password());
            throw DomainException.unauthenticated(BAD_CREDENTIALS);
        }
        if (!hasher.verify(request.password(), user.get().passwordHash())) {
            throw DomainException.unauthenticated(BAD_CREDENTIALS);
        }
        return jdbi.inTransaction(handle -> startFamily(handle, tokens, user.get().id(), UUID.randomUUID()));
    }

    /** Rotates: the presented token is spent and a new pair issued. A spent token presented again ends its family. */
    public TokenResponse refresh(String refreshToken) {
        TokenIssuer tokens = requireIssuer();
        TokenIssuer.RefreshClaims claims = tokens.verifyRefresh(refreshToken)
                .orElseThrow(() -> DomainException.unauthenticated(BAD_REFRESH));
        // The transaction decides; its outcome is acted on after commit so a family revocation is never rolled back.
        Rotation outcome = jdbi.inTransaction(handle -> {
            Optional<AccountStore.RefreshRow> row = store.lockRefreshToken(handle, claims.tokenId());
            if (row.isEmpty() || row.get().revokedAt() != null
                    || !row.get().userId().toString().equals(claims.userId())) {
                return new Rotation(null, List.of());
            }
            if (row.get().rotatedAt() != null) {
                return new Rotation(null, store.revokeFamily(handle, row.get().familyId()));
            }
            store.markRotated(handle, row.get().id());
            return new Rotation(startFamily(handle, tokens, row.get().userId(), row.get().familyId()), List.of());
        });
        revokeAccessTokens(outcome.revokedAccess());
        if (outcome.issued() == null) {
            throw DomainException.unauthenticated(BAD_REFRESH);
        }
        return outcome.issued();
    }

    /**
     * Ends the caller's session: the access token presented, the refresh family it was issued with, and the family
     * of {@code refreshToken} if one of the caller's own is given. Works without a signing key too.
     */
    public void logout(NovaPrincipal caller, String refreshToken) {
        revoked.revoke(caller.tokenId(), caller.expiresAt());
        Optional<UUID> presentedFamily = Optional.empty();
        if (refreshToken != null && issuer != null) {
            presentedFamily = issuer.verifyRefresh(refreshToken)
                    .filter(claims -> claims.userId().equals(caller.userId()))
                    .flatMap(claims -> jdbi.withHandle(handle -> store.lockRefreshToken(handle, claims.tokenId())))
                    .map(AccountStore.RefreshRow::familyId);
        }
        Optional<UUID> requested = presentedFamily;
        List<AccountStore.AccessRow> access = jdbi.inTransaction(handle -> {
            List<AccountStore.AccessRow> rows = new java.util.ArrayList<>();
            store.familyOfAccessToken(handle, caller.tokenId())
                    .ifPresent(family -> rows.addAll(store.revokeFamily(handle, family)));
            requested.ifPresent(family -> rows.addAll(store.revokeFamily(handle, family)));
            return rows;
        });
        revokeAccessTokens(access);
    }

    private record Rotation(TokenResponse issued, List<AccountStore.AccessRow> revokedAccess) {
    }

    private TokenResponse startFamily(Handle handle, TokenIssuer tokens, UUID userId, UUID familyId) {
        TokenIssuer.Issued issued = tokens.issue(userId.toString());
        store.insertRefreshToken(handle, issued.refreshTokenId(), familyId, userId, issued.refreshExpiresAt(),
                issued.accessTokenId(), issued.accessExpiresAt());
        return TokenResponse.bearer(issued.accessToken(), issued.refreshToken(), issued.expiresInSeconds());
    }

    private void revokeAccessTokens(List<AccountStore.AccessRow> rows) {
        for (AccountStore.AccessRow row : rows) {
            revoked.revoke(row.tokenId(), row.expiresAt());
        }
    }

    private TokenIssuer requireIssuer() {
        if (issuer == null) {
            // An operator's omission, not the client's fault nor an internal error: 503, and say what is missing.
            throw DomainException.unavailable("signing_key_missing",
                    "Tokens cannot be issued: user-service has no signing key (JWT_PRIVATE_KEY_PEM)");
        }
        return issuer;
    }

    private static void throwTaken(AccountStore.Taken taken) {
        throw taken == AccountStore.Taken.EMAIL
                ? DomainException.conflict("email_taken", "An account with this email address already exists")
                : DomainException.conflict("username_taken", "This username is taken");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
