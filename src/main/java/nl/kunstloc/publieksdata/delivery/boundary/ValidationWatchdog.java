package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every minute (configurable): a validation that shows no progress for
 * {@code publieksdata.delivery.stuck-minutes} becomes an incident (see
 * {@link Deliveries#giveUpStuckValidations()}). Not persistent; with several nodes each runs it, and a job
 * already out of retries is left alone, so nothing happens twice.
 */
@Singleton
@Startup
public class ValidationWatchdog {

    private static final Logger LOG = Logger.getLogger(ValidationWatchdog.class.getName());

    @Inject
    Deliveries deliveries;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "publieksdata.delivery.watchdog-seconds", defaultValue = "60")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig("validation-watchdog", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        try {
            int given = deliveries.giveUpStuckValidations();
            if (given > 0) {
                LOG.warning(() -> "watchdog: " + given + " stuck validations are now incidents");
            }
        } catch (RuntimeException e) {
            // the next round tries again; a failing check must not cancel the timer
            LOG.log(Level.WARNING, "watchdog check failed", e);
        }
    }
}
