package nl.kunstloc.publieksdata.session.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.session.control.Sessions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** BPMN sendSessionInvitations: mails the invitation with the .ics to everyone in the session's audience. */
@Named("sendSessionInvitations")
@Dependent
public class SendSessionInvitationsDelegate implements JavaDelegate {

    @Inject
    Sessions sessions;

    @Override
    public void execute(DelegateExecution execution) {
        Long sessionId = ((Number) execution.getVariable("sessionId")).longValue();
        sessions.sendInvitations(sessionId);
    }
}
