package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.platform.jobs.LargeJobs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Reads the held file and stores the rows (an async job: a failure is retried, then an incident). A file
 * that cannot be read is no failure: the delivery is rejected with a message. Anything else is logged
 * here with the delivery's id, so that a retry is never silent.
 */
@Named("validateDelivery")
@Dependent
public class ValidateDeliveryDelegate implements JavaDelegate {

    private static final Logger LOG = Logger.getLogger(ValidateDeliveryDelegate.class.getName());

    @Inject
    Deliveries deliveries;

    /** A big export waits for another big job of this node to end (see LargeJobs). */
    @Inject
    LargeJobs largeJobs;

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(Deliveries.DELIVERY_ID);
        if (!(id instanceof Number deliveryId)) {
            throw new IllegalStateException("process variable deliveryId is missing");
        }
        try {
            long bytes = deliveries.find(deliveryId.longValue()).map(Delivery::getFileBytes).orElse(0L);
            boolean problems = largeJobs.run("validation of delivery " + deliveryId, largeJobs.isLargeFile(bytes),
                    () -> deliveries.validate(deliveryId.longValue()));
            execution.setVariable("problemsFound", problems);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "validation of delivery " + deliveryId + " failed; the engine retries it, then makes it an incident", e);
            throw e;
        }
    }
}
