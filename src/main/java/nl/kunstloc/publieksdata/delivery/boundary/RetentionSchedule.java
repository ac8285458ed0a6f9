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
import java.util.List;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
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

    @Inject
    AuditTrail audit;

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

    /**
     * Two checks, each delivery in a transaction of its own (Deliveries'), so that one that fails
     * (logged, and in the audit log the coordinators read) neither undoes nor holds up the others;
     * the next run tries it again.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deleteExpiredRawData() {
        int deleted = each(deliveries.validatedWithRawData(), deliveries::deleteRawDataIfExpired, "delete expired raw rows");
        if (deleted > 0) {
            LOG.info(() -> "retention: raw rows of " + deleted + " deliveries deleted");
        }
        int stopped = each(deliveries.waitingForTheirInstitution(), deliveries::stopIfAbandoned, "stop abandoned delivery");
        if (stopped > 0) {
            LOG.info(() -> "retention: " + stopped + " deliveries without action stopped, their raw data deleted");
        }
    }

    private int each(List<Long> ids, LongPredicate work, String what) {
        int done = 0;
        for (Long id : ids) {
            try {
                if (work.test(id)) {
                    done++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "retention: could not " + what + " " + id + "; the next run tries again", e);
                try {
                    audit.recordAs(AuditTrail.SYSTEM, "delivery.retentionFailed", "delivery", id, null,
                            "could not " + what + ": " + e);
                } catch (RuntimeException ignored) {
                    // the log line above is the record then
                }
            }
        }
        return done;
    }
}
