package nl.kunstloc.publieksdata.session.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.session.control.Sessions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** BPMN sendEvaluationForms: the attendees recorded in recordAttendance get the link to the evaluation form. */
@Named("sendEvaluationForms")
@Dependent
public class SendEvaluationFormsDelegate implements JavaDelegate {

    @Inject
    Sessions sessions;

    @Override
    public void execute(DelegateExecution execution) {
        Long sessionId = ((Number) execution.getVariable("sessionId")).longValue();
        sessions.sendEvaluationForms(sessionId);
    }
}
