package jp.kyoso.core.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The browser sessions table (see V32__browser_sessions.sql), in plain JDBC: it is called by the
 * OIDC mechanism outside any request context or transaction, one statement at a time.
 */
@ApplicationScoped
public class BrowserSessions {

    /** How long a row replaced by a token refresh still answers (requests already on their way). */
    static final Duration REFRESH_GRACE = Duration.ofSeconds(20);
    /** 32 random bytes, base64url without padding. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject AgroalDataSource dataSource;

    /** The stored tokens of a live session. */
    public record Session(UUID chainId, String csrfToken, String idToken, String accessToken, String refreshToken,
                          Long accessTokenExpiresIn, String accessTokenScope) {
    }

    /** Stores a new session and returns the cookie value that names it. */
    String create(UUID chainId, String csrfToken, Session tokens, Duration maxAge) {
        String id = randomId();
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement("delete from browser_session where expires_at < now()")) {
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into browser_session (id_hash, chain_id, id_token, access_token, refresh_token,
                                                 access_token_expires_in, access_token_scope, csrf_token, expires_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setBytes(1, hash(id));
                insert.setObject(2, chainId);
                insert.setString(3, tokens.idToken());
                insert.setString(4, tokens.accessToken());
                insert.setString(5, tokens.refreshToken());
                if (tokens.accessTokenExpiresIn() == null) {
                    insert.setNull(6, Types.BIGINT);
                } else {
                    insert.setLong(6, tokens.accessTokenExpiresIn());
                }
                insert.setString(7, tokens.accessTokenScope());
                insert.setString(8, csrfToken);
                insert.setTimestamp(9, Timestamp.from(now.plus(maxAge)));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the browser session", e);
        }
        return id;
    }

    /** The live session a cookie names: not expired, and not replaced longer ago than the grace period. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || !ID.matcher(cookieValue).matches()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("""
                select chain_id, csrf_token, id_token, access_token, refresh_token, access_token_expires_in,
                       access_token_scope
                  from browser_session
                 where id_hash = ? and expires_at > now()
                   and (superseded_at is null or superseded_at > now() - make_interval(secs => ?))""")) {
            select.setBytes(1, hash(cookieValue));
            select.setLong(2, REFRESH_GRACE.toSeconds());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long expiresIn = rs.getLong(6);
                Long accessTokenExpiresIn = rs.wasNull() ? null : expiresIn;
                return Optional.of(new Session(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), accessTokenExpiresIn, rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the browser session", e);
        }
    }

    /** A refresh replaced the session: it answers for the grace period only. Idempotent. */
    void supersede(String cookieValue) {
        update(cookieValue, "update browser_session set superseded_at = coalesce(superseded_at, now()) where id_hash = ?");
    }

    /** Signing out: every session of the sign-in the cookie belongs to ends now, on every instance. */
    void end(String cookieValue) {
        update(cookieValue, """
                delete from browser_session
                 where chain_id in (select chain_id from browser_session where id_hash = ?)""");
    }

    private void update(String cookieValue, String sql) {
        if (cookieValue == null || !ID.matcher(cookieValue).matches()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setBytes(1, hash(cookieValue));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the browser session", e);
        }
    }

    static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
