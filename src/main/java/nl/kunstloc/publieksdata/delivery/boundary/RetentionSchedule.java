package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once a night (03:17 unless configured otherwise): deletes the raw rows of deliveries whose
 * retention period has ended, and stops deliveries that waited for their institution for
 * {@code publieksdata.delivery.abandoned-days} (default 30), deleting their rows and held file. Not persistent: a missed night is caught up by the next (the check
 * is "due by now", not "due today"), and with several nodes running it twice deletes nothing twice.
 * The moment is configuration (EJB calendar syntax, e.g. {@code second=*}{@code /5}) so that the
 * integration tests run this very timer, transaction and audit path within seconds instead of
 * waiting for the night; production keeps the default.
 */
@Singleton
@Startup
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Inject
    Deliveries deliveries;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "publieksdata.retention.hour", defaultValue = "3")
    String hour;

    @Inject
    @ConfigProperty(name = "publieksdata.retention.minute", defaultValue = "17")
    String minute;

    @Inject
    @ConfigProperty(name = "publieksdata.retention.second", defaultValue = "0")
    String second;

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().hour(hour).minute(minute).second(second),
                new TimerConfig("retention", false));
        LOG.info(() -> "retention check scheduled at hour=" + hour + " minute=" + minute + " second=" + second);
    }

    /** Two checks, each in its own transaction (Deliveries'), so one failing does not undo the other. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deleteExpiredRawData() {
        int deleted = deliveries.deleteExpiredRawData();
        if (deleted > 0) {
            LOG.info(() -> "retention: raw rows of " + deleted + " deliveries deleted");
        }
        int stopped = deliveries.stopAbandonedDeliveries();
        if (stopped > 0) {
            LOG.info(() -> "retention: " + stopped + " deliveries without action stopped, their raw data deleted");
        }
    }
}
