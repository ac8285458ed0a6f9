package nl.kunstloc.publieksdata.session.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.kunstloc.publieksdata.session.control.KnowledgeBase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** BPMN summariseEvaluations (asynchronous): the evaluation summary joins the published notes in the knowledge base. */
@Named("summariseEvaluations")
@Dependent
public class SummariseEvaluationsDelegate implements JavaDelegate {

    @Inject
    KnowledgeBase knowledgeBase;

    @Override
    public void execute(DelegateExecution execution) {
        Long sessionId = ((Number) execution.getVariable("sessionId")).longValue();
        knowledgeBase.addEvaluationSummary(sessionId);
    }
}
