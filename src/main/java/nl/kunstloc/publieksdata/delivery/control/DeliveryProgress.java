package nl.kunstloc.publieksdata.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;

/**
 * Progress of a running validation, each write in a short transaction of its own so the delivery
 * page sees it while the (long) validation transaction is still open. Bulk updates: they leave the
 * entity's version alone, so the validation's own update at the end is not refused.
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
        em.createQuery("update Delivery d set d.progressRows = :n where d.id = :id")
                .setParameter("n", rows).setParameter("id", deliveryId).executeUpdate();
    }
}
