package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Reads the held file and stores the rows (an async job: a failure is retried, then an incident). */
@Named("validateDelivery")
@Dependent
public class ValidateDeliveryDelegate implements JavaDelegate {

    @Inject
    Deliveries deliveries;

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(Deliveries.DELIVERY_ID);
        if (!(id instanceof Number deliveryId)) {
            throw new IllegalStateException("process variable deliveryId is missing");
        }
        execution.setVariable("problemsFound", deliveries.validate(deliveryId.longValue()));
    }
}
