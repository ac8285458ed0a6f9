package nl.kunstloc.publieksdata.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.ApiToken;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/** Institution API tokens: created (shown once), revoked, and checked on every API call. */
@ApplicationScoped
@Transactional
public class ApiTokens {

    /** "Last used" is shown to the minute; a polling script need not write it on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    static final String PREFIX = "pd_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The token's text, for the one time it is shown; only its hash is stored. */
    public record Created(ApiToken token, String secret) {
    }

    public Created create(Long institutionId, String label, String by) {
        if (label == null || label.isBlank()) {
            throw new UserFacingException("delivery.tokens.labelRequired");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(institutionId, label.strip(), sha256(secret), by, clock.instant());
        em.persist(token);
        em.flush();
        audit.record("apiToken.created", "apiToken", token.getId(), institutionId, token.getLabel());
        return new Created(token, secret);
    }

    /** Registers a token chosen in configuration (demo mode), unless it is already known. */
    public void ensure(Long institutionId, String label, String secret, String by) {
        if (findActive(secret).isEmpty()) {
            em.persist(new ApiToken(institutionId, label, sha256(secret), by, clock.instant()));
        }
    }

    public void revoke(Long institutionId, Long tokenId, String by) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || !token.getInstitutionId().equals(institutionId)) {
            throw new UserFacingException("delivery.tokens.notFound");
        }
        token.revoke(by, clock.instant());
        audit.record("apiToken.revoked", "apiToken", tokenId, institutionId, token.getLabel());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiToken> of(Long institutionId) {
        return em.createQuery("select t from ApiToken t where t.institutionId = :i order by t.createdAt desc", ApiToken.class)
                .setParameter("i", institutionId).getResultList();
    }

    /**
     * The institution the token belongs to, when it is known and not revoked. "Last used" is written
     * with plain SQL, not through the versioned entity (nor JPQL, which raises the version): scripts send
     * requests in parallel with one token, and a version conflict on this bookkeeping failed their upload.
     */
    public Optional<Long> authenticate(String secret) {
        Optional<ApiToken> token = findActive(secret);
        Instant now = clock.instant();
        token.filter(t -> t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(t -> em.createNativeQuery("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                        .setParameter(1, Timestamp.from(now)).setParameter(2, t.getId()).executeUpdate());
        return token.map(ApiToken::getInstitutionId);
    }

    private Optional<ApiToken> findActive(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return em.createQuery("select t from ApiToken t where t.tokenSha256 = :h and t.revokedAt is null", ApiToken.class)
                .setParameter("h", sha256(secret.strip())).getResultStream().findFirst();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
