package nl.kunstloc.publieksdata.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;

/**
 * Progress of a running validation, each write in a short transaction of its own so the delivery
 * page sees it while the (long) validation transaction is still open. Plain SQL, not JPQL: EclipseLink
 * raises the version in a JPQL bulk update, and then the validation's own update of the delivery at the
 * end was refused as a conflict for every file of 20,000 rows or more (the first progress report).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryProgress {

    @PersistenceContext
    EntityManager em;

    public void started(Long deliveryId, Instant now) {
        em.createNativeQuery("UPDATE delivery SET status = ?, status_since = ?, progress_rows = 0, progress_at = ? WHERE id = ?")
                .setParameter(1, DeliveryStatus.VALIDATING.name()).setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now)).setParameter(4, deliveryId).executeUpdate();
    }

    /** Also the sign of life the watchdog looks for ({@code progress_at}). */
    public void rowsDone(Long deliveryId, long rows) {
        em.createNativeQuery("UPDATE delivery SET progress_rows = ?, progress_at = ? WHERE id = ?")
                .setParameter(1, rows).setParameter(2, Timestamp.from(Instant.now())).setParameter(3, deliveryId)
                .executeUpdate();
    }
}
