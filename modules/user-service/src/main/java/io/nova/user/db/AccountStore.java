package io.nova.user.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code users} and {@code refresh_tokens}; every method runs on the caller's handle (its transaction). */
public final class AccountStore {

    /** Which unique value an insert collided with. */
    public enum Taken { EMAIL, USERNAME }

    /** A refresh token's server-side state. */
    public record RefreshRow(UUID id, UUID familyId, UUID userId, Instant rotatedAt, Instant revokedAt) {
    }

    /** An access token issued alongside a refresh token, to revoke with its family. */
    public record AccessRow(String tokenId, Instant expiresAt) {
    }

    public Optional<Taken> taken(Handle handle, String email, String username) {
        return handle.createQuery("""
                        SELECT lower(email) = lower(:email) AS email_taken FROM users
                        WHERE lower(email) = lower(:email) OR lower(username) = lower(:username)
                        ORDER BY email_taken DESC LIMIT 1""")
                .bind("email", email)
                .bind("username", username)
                .map((rs, ctx) -> rs.getBoolean("email_taken") ? Taken.EMAIL : Taken.USERNAME)
                .findOne();
    }

    /** Inserts the user; a concurrent registration of the same email or username comes back as {@link Taken}. */
    public Optional<Taken> insertUser(Handle handle, UUID id, String email, String username, String passwordHash) {
        try {
            handle.createUpdate("""
                            INSERT INTO users (id, email, username, password_hash)
                            VALUES (:id, :email, :username, :hash)""")
                    .bind("id", id)
                    .bind("email", email)
                    .bind("username", username)
                    .bind("hash", passwordHash)
                    .execute();
            return Optional.empty();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof PSQLException sql && "23505".equals(sql.getSQLState())
                    && sql.getServerErrorMessage() != null) {
                String constraint = String.valueOf(sql.getServerErrorMessage().getConstraint());
                if (constraint.equals("users_email_key")) {
                    return Optional.of(Taken.EMAIL);
                }
                if (constraint.equals("users_username_key")) {
                    return Optional.of(Taken.USERNAME);
                }
            }
            throw e;
        }
    }

    public Optional<UserRow> findById(Handle handle, UUID id) {
        return handle.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> user(rs)).findOne();
    }

    /** By email when {@code login} has an '@' (usernames cannot), else by username; case-insensitive. */
    public Optional<UserRow> findByLogin(Handle handle, String login) {
        String column = login.contains("@") ? "email" : "username";
        return handle.createQuery("SELECT * FROM users WHERE lower(" + column + ") = lower(:login)")
                .bind("login", login).map((rs, ctx) -> user(rs)).findOne();
    }

    public void insertRefreshToken(Handle handle, UUID id, UUID familyId, UUID userId, Instant expiresAt,
                                   String accessTokenId, Instant accessExpiresAt) {
        handle.createUpdate("""
                        INSERT INTO refresh_tokens (id, family_id, user_id, expires_at, access_token_id,
                                                    access_expires_at)
                        VALUES (:id, :family, :user, :expires, :access, :accessExpires)""")
                .bind("id", id)
                .bind("family", familyId)
                .bind("user", userId)
                .bind("expires", java.sql.Timestamp.from(expiresAt))
                .bind("access", accessTokenId)
                .bind("accessExpires", java.sql.Timestamp.from(accessExpiresAt))
                .execute();
    }

    /** Locks the row: two refreshes with one token are decided one after the other. */
    public Optional<RefreshRow> lockRefreshToken(Handle handle, UUID id) {
        return handle.createQuery("""
                        SELECT id, family_id, user_id, rotated_at, revoked_at FROM refresh_tokens
                        WHERE id = :id FOR UPDATE""")
                .bind("id", id)
                .map((rs, ctx) -> new RefreshRow(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class), instant(rs, "rotated_at"), instant(rs, "revoked_at")))
                .findOne();
    }

    public void markRotated(Handle handle, UUID id) {
        handle.createUpdate("UPDATE refresh_tokens SET rotated_at = now() WHERE id = :id").bind("id", id).execute();
    }

    public Optional<UUID> familyOfAccessToken(Handle handle, String accessTokenId) {
        return handle.createQuery("SELECT family_id FROM refresh_tokens WHERE access_token_id = :access")
                .bind("access", accessTokenId).mapTo(UUID.class).findOne();
    }

    /**
     * Revokes every token of the family that is not revoked yet, and returns the access tokens issued with them
     * that have not expired, for the caller to revoke in Redis.
     */
    public List<AccessRow> revokeFamily(Handle handle, UUID familyId) {
        return handle.createQuery("""
                        UPDATE refresh_tokens SET revoked_at = now()
                        WHERE family_id = :family AND revoked_at IS NULL
                        RETURNING access_token_id, access_expires_at""")
                .bind("family", familyId)
                .map((rs, ctx) -> new AccessRow(rs.getString("access_token_id"), instant(rs, "access_expires_at")))
                .list()
                .stream()
                .filter(row -> row.expiresAt().isAfter(Instant.now()))
                .toList();
    }

    /** Deletes up to {@code batch} refresh-token rows that expired before {@code before}; returns how many. */
    public int deleteExpiredRefreshTokens(Handle handle, Instant before, int batch) {
        return handle.createUpdate("""
                        DELETE FROM refresh_tokens WHERE id IN (
                            SELECT id FROM refresh_tokens WHERE expires_at < :before LIMIT :batch)""")
                .bind("before", java.sql.Timestamp.from(before))
                .bind("batch", batch)
                .execute();
    }

    private static UserRow user(ResultSet rs) throws SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("username"),
                rs.getString("password_hash"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
