package jp.kyoso.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on POST: a retried create (a mobile client on a flaky network)
 * returns the first answer instead of creating twice. The key is scoped to the caller; the
 * same key with a different request is refused (422); a retry while the first is still being
 * processed gets 409 (or, after a crash left it unfinished for over two minutes, is processed
 * again). Only successful answers are kept; a failed one may be retried. Answers are kept for
 * {@code kyoso.idempotency.retention} (24 hours; {@link Retention} deletes them) and shared by every
 * instance (table idempotent_request); replays are counted in {@code kyoso_idempotency_replays_total}.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    private static final String KEY_PROPERTY = IdempotencyFilters.class.getName() + ".key";
    private static final String OWNER_PROPERTY = IdempotencyFilters.class.getName() + ".owner";

    @Inject SecurityIdentity identity;
    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject MeterRegistry metrics;

    @ServerRequestFilter
    public Optional<Response> replayOrReserve(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 200) {
            throw Problems.invalidField(HEADER, Label.of("1〜200 文字で指定してください", "Use 1 to 200 characters"));
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String owner = owner();
        String fingerprint = fingerprint(request.getUriInfo().getPath(), body);
        List<?> stored = QuarkusTransaction.requiringNew().call(() -> {
            // A reservation still "being processed" after two minutes belongs to a request that
            // died with its server (a crash between the reservation and the stored answer): the
            // retry takes it over instead of getting 409 for ever. No request runs that long
            // (statements time out after 15 s).
            int reserved = em.createNativeQuery("""
                            insert into idempotent_request (owner_key, idem_key, fingerprint, status)
                            values (?1, ?2, ?3, 0)
                            on conflict (owner_key, idem_key) do update set created_at = now()
                            where idempotent_request.status = 0
                              and idempotent_request.fingerprint = excluded.fingerprint
                              and idempotent_request.created_at < now() - interval '2 minutes'""")
                    .setParameter(1, owner).setParameter(2, key).setParameter(3, fingerprint).executeUpdate();
            if (reserved == 1) {
                return List.of();
            }
            return em.createNativeQuery("""
                            select fingerprint, status, body, etag, location from idempotent_request
                            where owner_key = ?1 and idem_key = ?2""")
                    .setParameter(1, owner).setParameter(2, key).getResultList();
        });
        if (stored.isEmpty()) {
            request.setProperty(KEY_PROPERTY, key);
            request.setProperty(OWNER_PROPERTY, owner);
            return Optional.empty();
        }
        Object[] row = (Object[]) stored.get(0);
        if (!fingerprint.equals(row[0])) {
            throw Problems.unprocessable(Label.of(
                    "この Idempotency-Key は別のリクエストに使われています",
                    "This Idempotency-Key was used for a different request"));
        }
        int status = ((Number) row[1]).intValue();
        if (status == 0) {
            throw Problems.conflict(Label.of("同じリクエストを処理中です。少し待ってから再試行してください",
                    "The same request is still being processed; retry shortly"));
        }
        metrics.counter("kyoso.idempotency.replays").increment();
        Response.ResponseBuilder replay = Response.status(status).header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replay.entity(row[2]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (row[3] != null) {
            replay.header(HttpHeaders.ETAG, row[3]);
        }
        if (row[4] != null) {
            replay.header(HttpHeaders.LOCATION, row[4]);
        }
        return Optional.of(replay.build());
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String key = (String) request.getProperty(KEY_PROPERTY);
        if (key == null) {
            return;
        }
        String owner = (String) request.getProperty(OWNER_PROPERTY);
        boolean success = response.getStatus() >= 200 && response.getStatus() < 300;
        QuarkusTransaction.requiringNew().run(() -> {
            if (success) {
                em.createNativeQuery("""
                                update idempotent_request set status = ?3, body = ?4, etag = ?5, location = ?6
                                where owner_key = ?1 and idem_key = ?2""")
                        .setParameter(1, owner).setParameter(2, key).setParameter(3, response.getStatus())
                        .setParameter(4, toJson(response.getEntity()))
                        .setParameter(5, response.getHeaderString(HttpHeaders.ETAG))
                        .setParameter(6, response.getHeaderString(HttpHeaders.LOCATION))
                        .executeUpdate();
            } else {
                em.createNativeQuery("delete from idempotent_request where owner_key = ?1 and idem_key = ?2")
                        .setParameter(1, owner).setParameter(2, key).executeUpdate();
            }
        });
    }

    private String owner() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        return token.getIssuer() + " " + token.getSubject();
    }

    private String toJson(Object entity) {
        try {
            return entity == null ? null : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
