package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;

/**
 * Once a night: deletes the raw rows of deliveries whose retention period has ended. Not persistent:
 * a missed night is caught up by the next (the check is "due by now", not "due today"), and with
 * several nodes running it twice deletes nothing twice.
 */
@Singleton
@Startup
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Inject
    Deliveries deliveries;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void deleteExpiredRawData() {
        int deleted = deliveries.deleteExpiredRawData();
        if (deleted > 0) {
            LOG.info(() -> "retention: raw rows of " + deleted + " deliveries deleted");
        }
    }
}
