package nl.kunstloc.publieksdata.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;

/**
 * Writes the audit log in the transaction of the action it records (so an action that rolls back
 * leaves no line, and a line never lacks its action), and reads it back for the audit page.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

    /** The actor of work that no person started (timers, jobs, start-up). */
    public static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** Records an action by the signed-in user (or "system" outside a request). */
    public void record(String action, String objectType, Object objectId, Long institutionId, String details) {
        recordAs(actor(), action, objectType, objectId, institutionId, details);
    }

    public void recordAs(String actor, String action, String objectType, Object objectId, Long institutionId, String details) {
        em.persist(new AuditEntry(clock.instant(), actor, action, objectType,
                objectId == null ? null : String.valueOf(objectId), institutionId, details));
    }

    private String actor() {
        try {
            return currentUser.isSignedIn() ? currentUser.getUsername() : SYSTEM;
        } catch (RuntimeException noRequest) {
            // job executor threads have no request: the work is the system's
            return SYSTEM;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> search(AuditFilter filter, int first, int max, boolean newestFirst) {
        TypedQuery<AuditEntry> q = em.createQuery("select a from AuditEntry a where " + filter.where()
                + " order by a.occurredAt " + (newestFirst ? "desc" : "asc") + ", a.id " + (newestFirst ? "desc" : "asc"), AuditEntry.class);
        filter.parameters().forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(AuditFilter filter) {
        TypedQuery<Long> q = em.createQuery("select count(a) from AuditEntry a where " + filter.where(), Long.class);
        filter.parameters().forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** What the audit page filters on; blank fields do not filter. */
    public record AuditFilter(String actor, String action, String objectType, String objectId, Long institutionId,
                              Instant from, Instant until) {

        String where() {
            StringBuilder w = new StringBuilder("1 = 1");
            if (notBlank(actor)) w.append(" and lower(a.actor) like :actor");
            if (notBlank(action)) w.append(" and lower(a.action) like :action");
            if (notBlank(objectType)) w.append(" and a.objectType = :objectType");
            if (notBlank(objectId)) w.append(" and a.objectId = :objectId");
            if (institutionId != null) w.append(" and a.institutionId = :institutionId");
            if (from != null) w.append(" and a.occurredAt >= :from");
            if (until != null) w.append(" and a.occurredAt < :until");
            return w.toString();
        }

        Map<String, Object> parameters() {
            Map<String, Object> p = new HashMap<>();
            if (notBlank(actor)) p.put("actor", "%" + actor.trim().toLowerCase() + "%");
            if (notBlank(action)) p.put("action", "%" + action.trim().toLowerCase() + "%");
            if (notBlank(objectType)) p.put("objectType", objectType.trim());
            if (notBlank(objectId)) p.put("objectId", objectId.trim());
            if (institutionId != null) p.put("institutionId", institutionId);
            if (from != null) p.put("from", from);
            if (until != null) p.put("until", until);
            return p;
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}
