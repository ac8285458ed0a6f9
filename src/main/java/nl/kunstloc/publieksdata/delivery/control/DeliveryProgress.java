package nl.kunstloc.publieksdata.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;

/**
 * Progress of a running validation, each write in a short transaction of its own so the delivery
 * page sees it while the (long) validation transaction is still open. The validation refreshes the
 * delivery after {@link #started} and updates it once at the end, so {@link #rowsDone} must leave the
 * delivery's {@code @Version} alone: plain SQL, because EclipseLink's JPQL bulk update raises the
 * version, and the validation of every file of more than 20,000 rows then ended in an optimistic
 * locking failure (seen in DeliveryRestartIT).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryProgress {

    @PersistenceContext
    EntityManager em;

    public void started(Long deliveryId, Instant now) {
        em.createQuery("update Delivery d set d.status = :s, d.statusSince = :now, d.progressRows = 0 where d.id = :id")
                .setParameter("s", DeliveryStatus.VALIDATING).setParameter("now", now).setParameter("id", deliveryId)
                .executeUpdate();
    }

    public void rowsDone(Long deliveryId, long rows) {
        em.createNativeQuery("UPDATE delivery SET progress_rows = ? WHERE id = ?")
                .setParameter(1, rows).setParameter(2, deliveryId).executeUpdate();
    }
}
