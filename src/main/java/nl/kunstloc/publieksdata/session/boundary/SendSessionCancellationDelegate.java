package nl.kunstloc.publieksdata.session.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.session.control.Sessions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** BPMN sendSessionCancellation: marks the session cancelled and tells invitees and registered participants (with a cancelling .ics). */
@Named("sendSessionCancellation")
@Dependent
public class SendSessionCancellationDelegate implements JavaDelegate {

    @Inject
    Sessions sessions;

    @Override
    public void execute(DelegateExecution execution) {
        Long sessionId = ((Number) execution.getVariable("sessionId")).longValue();
        Object reason = execution.getVariable("cancelReason");
        sessions.markCancelled(sessionId, reason == null ? null : reason.toString());
    }
}
