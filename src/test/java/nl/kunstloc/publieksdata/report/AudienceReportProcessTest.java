package nl.kunstloc.publieksdata.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;
import nl.kunstloc.publieksdata.workflow.ProcessTestSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Every path through bpmn/audience-report.bpmn. */
@Deployment(resources = "bpmn/audience-report.bpmn")
class AudienceReportProcessTest extends ProcessTestSupport {

    static final String MEMBERS = "institution-42-INSTITUTION_MEMBER";
    static final String DIRECTORS = "institution-42-DIRECTOR";

    JavaDelegate segmentAudience;
    JavaDelegate sendApprovalReminder;
    JavaDelegate publishReport;

    @BeforeEach
    void delegates() {
        segmentAudience = delegate("segmentAudience");
        sendApprovalReminder = delegate("sendApprovalReminder");
        publishReport = delegate("publishReport");
    }

    ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("audienceReport", "report-9",
                Map.of("institutionId", 42L, "institutionName", "Theater aan de Dommel", "reportId", 9L));
    }

    /** Started, segmented in the background: the coordinator reviews the draft. */
    ProcessInstance atReview() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).as("the figures are computed in a job, not in the request that accepted the delivery")
                .isWaitingAt("segmentAudience");
        verify(segmentAudience, never()).execute(any());
        runAsync(pi, "segmentAudience");
        verify(segmentAudience).execute(any());
        assertThat(pi).isWaitingAt("reviewReport");
        return pi;
    }

    ProcessInstance withDirector() throws Exception {
        ProcessInstance pi = atReview();
        complete(pi, "reviewReport", Map.of("reportApproved", true));
        assertThat(pi).isWaitingAt("approveReport");
        return pi;
    }

    @Test
    void a_draft_approved_by_coordinator_and_director_is_published() throws Exception {
        ProcessInstance pi = atReview();
        assertThat(openTask(pi, "reviewReport")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/report/review.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(5))));

        complete(pi, "reviewReport", Map.of("reportApproved", true));

        assertThat(openTask(pi, "approveReport")).hasCandidateGroup(DIRECTORS)
                .hasFormKey("/report/approve.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(14))));
        verify(publishReport, never()).execute(any());
        complete(pi, "approveReport", Map.of("directorDecision", "approved"));

        verify(publishReport).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder("segmentAudience", "reviewReport", "approveReport", "publishReport",
                "reportPublished").hasNotPassed("answerRemarks");
    }

    @Test
    void a_draft_sent_back_goes_to_the_institution_and_returns_to_the_coordinator() throws Exception {
        ProcessInstance pi = atReview();

        complete(pi, "reviewReport", Map.of("reportApproved", false, "remarks", "Klopt de periode?"));

        assertThat(openTask(pi, "answerRemarks")).hasCandidateGroup(MEMBERS)
                .hasFormKey("/report/remarks.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(14))));
        assertThat(pi).variables().containsEntry("remarks", "Klopt de periode?");
        complete(pi, "answerRemarks", Map.of("answer", "Ja, alleen het najaar"));

        assertThat(pi).isWaitingAt("reviewReport").hasNotPassed("approveReport");
        assertThat(pi).variables().containsEntry("answer", "Ja, alleen het najaar");
        verify(segmentAudience, times(1)).execute(any());
        complete(pi, "reviewReport", Map.of("reportApproved", true));
        assertThat(pi).isWaitingAt("approveReport");
    }

    @Test
    void questions_of_the_director_go_back_to_the_coordinator_then_to_the_director_again() throws Exception {
        ProcessInstance pi = withDirector();

        complete(pi, "approveReport", Map.of("directorDecision", "questions", "questions", "Waarom zo weinig jongeren?"));

        assertThat(pi).isWaitingAt("reviewReport").hasPassed("approveReport", "isApprovedByDirector");
        assertThat(pi).variables().containsEntry("questions", "Waarom zo weinig jongeren?");
        verify(publishReport, never()).execute(any());
        complete(pi, "reviewReport", Map.of("reportApproved", true, "remarks", "Het aanbod trekt vooral 55+"));

        assertThat(pi).isWaitingAt("approveReport");
        complete(pi, "approveReport", Map.of("directorDecision", "approved"));
        assertThat(pi).isEnded().hasPassed("reportPublished");
    }

    @Test
    void the_director_is_reminded_every_seven_days_until_the_report_is_approved() throws Exception {
        ProcessInstance pi = withDirector();
        assertThat(timer(pi, "approvalReminderDue").getDuedate()).isEqualTo(at(T0.plus(Duration.ofDays(7))));
        passTime(Duration.ofDays(6));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
                .as("nothing due on day 6").isZero();

        fireTimer(pi, "approvalReminderDue");
        verify(sendApprovalReminder).execute(any());
        assertThat(pi).as("a reminder does not take the task away").isWaitingAt("approveReport");

        fireTimer(pi, "approvalReminderDue");
        verify(sendApprovalReminder, times(2)).execute(any());

        complete(pi, "approveReport", Map.of("directorDecision", "approved"));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("approvalReminderDue").count()).as("reminders stop once approved").isZero();
        assertThat(pi).isEnded();
    }

    @Test
    void no_reminder_while_the_report_is_with_the_coordinator() throws Exception {
        ProcessInstance pi = atReview();
        passTime(Duration.ofDays(30));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        verify(sendApprovalReminder, never()).execute(any());
    }

    @Test
    void a_segmentation_that_keeps_failing_becomes_an_incident() throws Exception {
        JavaDelegate failing = Mockito.mock(JavaDelegate.class);
        doThrow(new IllegalStateException("no segment model")).when(failing).execute(any());
        Mocks.register("segmentAudience", failing);
        ProcessInstance pi = start();

        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
            setClock(job.getDuedate() == null ? now() : job.getDuedate().toInstant());
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job executor would log it and retry a minute later
            }
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt("segmentAudience");
        verify(failing, times(3)).execute(any());
    }
}
