package nl.kunstloc.publieksdata.session.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.session.control.Sessions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** BPMN sendSessionReminder: two days before, a reminder to the registered participants. */
@Named("sendSessionReminder")
@Dependent
public class SendSessionReminderDelegate implements JavaDelegate {

    @Inject
    Sessions sessions;

    @Override
    public void execute(DelegateExecution execution) {
        Long sessionId = ((Number) execution.getVariable("sessionId")).longValue();
        sessions.sendReminders(sessionId);
    }
}
