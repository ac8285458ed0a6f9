package nl.kunstloc.publieksdata.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.kunstloc.publieksdata.workflow.ProcessTestSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Every path through bpmn/knowledge-session.bpmn. */
@Deployment(resources = "bpmn/knowledge-session.bpmn")
class KnowledgeSessionProcessTest extends ProcessTestSupport {

    static final String BUSINESS_KEY = "session-3";
    static final Instant REGISTRATION_DEADLINE = T0.plus(Duration.ofDays(14));
    static final Instant SESSION_START = T0.plus(Duration.ofDays(21)).plus(Duration.ofHours(5));
    static final Instant REMINDER = SESSION_START.minus(Duration.ofDays(2));
    static final Instant SESSION_END = SESSION_START.plus(Duration.ofHours(3));

    JavaDelegate sendSessionInvitations;
    JavaDelegate closeRegistration;
    JavaDelegate sendSessionReminder;
    JavaDelegate sendEvaluationForms;
    JavaDelegate summariseEvaluations;
    JavaDelegate sendSessionCancellation;

    @BeforeEach
    void delegates() {
        sendSessionInvitations = delegate("sendSessionInvitations");
        closeRegistration = delegate("closeRegistration");
        sendSessionReminder = delegate("sendSessionReminder");
        sendEvaluationForms = delegate("sendEvaluationForms");
        summariseEvaluations = delegate("summariseEvaluations");
        sendSessionCancellation = delegate("sendSessionCancellation");
    }

    ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("sessionId", 3L);
        variables.put("institutionId", null);
        variables.put("institutionName", null);
        variables.put("registrationDeadline", at(REGISTRATION_DEADLINE));
        variables.put("reminderDate", at(REMINDER));
        variables.put("sessionEnd", at(SESSION_END));
        return engine.getRuntimeService().startProcessInstanceByKey("knowledgeSession", BUSINESS_KEY, variables);
    }

    @Test
    void a_session_runs_from_invitation_to_the_knowledge_base() throws Exception {
        ProcessInstance pi = start();
        verify(sendSessionInvitations).execute(any());
        assertThat(pi).isWaitingAt("registrationDeadlinePassed");
        assertThat(timer(pi, "registrationDeadlinePassed").getDuedate()).isEqualTo(at(REGISTRATION_DEADLINE));

        fireTimer(pi, "registrationDeadlinePassed");
        verify(closeRegistration).execute(any());
        assertThat(timer(pi, "reminderDateReached").getDuedate()).isEqualTo(at(REMINDER));

        fireTimer(pi, "reminderDateReached");
        verify(sendSessionReminder).execute(any());
        assertThat(timer(pi, "sessionEnded").getDuedate()).isEqualTo(at(SESSION_END));

        fireTimer(pi, "sessionEnded");
        assertThat(pi).isWaitingAt("recordAttendance");
        assertThat(openTask(pi, "recordAttendance")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/session/attendance.xhtml").hasDueDate(at(SESSION_END.plus(Duration.ofDays(2))));
        verify(sendEvaluationForms, never()).execute(any());
        complete(pi, "recordAttendance", Map.of());

        verify(sendEvaluationForms).execute(any());
        assertThat(pi).isWaitingAt("evaluationPeriodOver");
        assertThat(timer(pi, "evaluationPeriodOver").getDuedate()).isEqualTo(at(SESSION_END.plus(Duration.ofDays(7))));

        fireTimer(pi, "evaluationPeriodOver");
        assertThat(openTask(pi, "publishSessionNotes")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/session/publish.xhtml").hasDueDate(at(SESSION_END.plus(Duration.ofDays(7 + 5))));
        complete(pi, "publishSessionNotes", Map.of());

        runAsync(pi, "summariseEvaluations");
        assertThat(pi).isEnded().hasPassed("publishedToKnowledgeBase").hasNotPassed("sendSessionCancellation");
        InOrder order = inOrder(sendSessionInvitations, closeRegistration, sendSessionReminder, sendEvaluationForms,
                summariseEvaluations);
        order.verify(sendSessionInvitations).execute(any());
        order.verify(closeRegistration).execute(any());
        order.verify(sendSessionReminder).execute(any());
        order.verify(sendEvaluationForms).execute(any());
        order.verify(summariseEvaluations).execute(any());
        verify(sendSessionCancellation, never()).execute(any());
        assertThat(pi).variables().containsEntry("sessionId", 3L).containsEntry("institutionId", null);
    }

    @Test
    void a_cancelled_session_informs_the_participants_and_stops() throws Exception {
        ProcessInstance pi = start();
        fireTimer(pi, "registrationDeadlinePassed");

        correlate("sessionCancelled", BUSINESS_KEY, Map.of("cancelReason", "speaker ill"));

        verify(sendSessionCancellation).execute(any());
        verify(sendSessionReminder, never()).execute(any());
        assertThat(pi).isEnded().hasPassed("participantsInformed").hasNotPassed("recordAttendance");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void a_session_can_also_be_cancelled_while_attendance_is_being_recorded() throws Exception {
        ProcessInstance pi = start();
        fireTimer(pi, "registrationDeadlinePassed");
        fireTimer(pi, "reminderDateReached");
        fireTimer(pi, "sessionEnded");

        correlate("sessionCancelled", BUSINESS_KEY, Map.of());

        verify(sendSessionCancellation).execute(any());
        assertThat(pi).isEnded().hasPassed("participantsInformed");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
