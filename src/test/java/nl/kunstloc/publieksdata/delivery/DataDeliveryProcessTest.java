package nl.kunstloc.publieksdata.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;
import nl.kunstloc.publieksdata.workflow.ProcessTestSupport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Every path through bpmn/data-delivery.bpmn. */
@Deployment(resources = "bpmn/data-delivery.bpmn")
class DataDeliveryProcessTest extends ProcessTestSupport {

    static final String BUSINESS_KEY = "delivery-7";
    static final String MEMBERS = "institution-42-INSTITUTION_MEMBER";

    /** A validateDelivery stand-in that reports the given outcomes, one per run. */
    JavaDelegate validation(Boolean... problemsFound) throws Exception {
        JavaDelegate delegate = Mockito.mock(JavaDelegate.class, "validateDelivery");
        int[] run = {0};
        Mockito.doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable("problemsFound", problemsFound[Math.min(run[0]++, problemsFound.length - 1)]);
            return null;
        }).when(delegate).execute(any());
        Mocks.register("validateDelivery", delegate);
        return delegate;
    }

    JavaDelegate startAudienceReport;

    @org.junit.jupiter.api.BeforeEach
    void reportStarter() {
        startAudienceReport = Mockito.mock(JavaDelegate.class, "startAudienceReport");
        Mocks.register("startAudienceReport", startAudienceReport);
    }

    ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("dataDelivery", BUSINESS_KEY,
                Map.of("institutionId", 42L, "institutionName", "Theater aan de Dommel", "deliveryId", 7L));
    }

    @Test
    void a_clean_delivery_is_validated_asynchronously_then_reviewed_and_accepted() throws Exception {
        JavaDelegate validate = validation(false);
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("validateDelivery");
        verify(validate, times(0)).execute(any());
        runAsync(pi, "validateDelivery");

        assertThat(pi).isWaitingAt("reviewDelivery");
        assertThat(openTask(pi, "reviewDelivery")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/delivery/review.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(5))));
        complete(pi, "reviewDelivery", Map.of("deliveryAccepted", true));

        assertThat(pi).as("the report starts as a job of its own, after the acceptance commits").isWaitingAt("startAudienceReport");
        verify(startAudienceReport, times(0)).execute(any());
        runAsync(pi, "startAudienceReport");
        assertThat(pi).isEnded().hasPassed("deliveryValidated").hasNotPassed("resolveValidationProblems");
        verify(validate, times(1)).execute(any());
        verify(startAudienceReport, times(1)).execute(any());
    }

    /** reader: what the watchdog does to a validation without progress (Workflow.giveUpJob) makes it an incident. */
    @Test
    void a_validation_job_given_up_by_the_watchdog_is_an_incident_that_a_retry_resolves() throws Exception {
        validation(false);
        ProcessInstance pi = start();
        var management = engine.getManagementService();
        var job = management.createJobQuery().processInstanceId(pi.getId()).activityId("validateDelivery").singleResult();

        management.setJobRetries(job.getId(), 0);

        var incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).list();
        org.assertj.core.api.Assertions.assertThat(incidents).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(incidents.get(0).getActivityId()).isEqualTo("validateDelivery");
        org.assertj.core.api.Assertions.assertThat(incidents.get(0).getConfiguration()).isEqualTo(job.getId());

        // the coordinator's retry button (Workflow.retry): the incident goes, the validation runs
        management.setJobRetries(job.getId(), 1);
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).count()).isZero();
        runAsync(pi, "validateDelivery");
        assertThat(pi).isWaitingAt("reviewDelivery");
    }

    @Test
    void problems_go_to_the_institution_which_may_accept_the_passing_rows() throws Exception {
        validation(true);
        ProcessInstance pi = start();
        runAsync(pi, "validateDelivery");

        assertThat(pi).isWaitingAt("resolveValidationProblems");
        assertThat(openTask(pi, "resolveValidationProblems")).hasCandidateGroup(MEMBERS)
                .hasFormKey("/delivery/problems.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(14))));
        complete(pi, "resolveValidationProblems", Map.of("resolution", "acceptRows"));

        assertThat(pi).isWaitingAt("reviewDelivery");
        complete(pi, "reviewDelivery", Map.of("deliveryAccepted", true));
        runAsync(pi, "startAudienceReport");
        assertThat(pi).isEnded().hasPassed("resolveValidationProblems", "reviewDelivery", "startAudienceReport", "deliveryValidated");
    }

    @Test
    void a_fixed_mapping_runs_the_validation_again() throws Exception {
        JavaDelegate validate = validation(true, false);
        ProcessInstance pi = start();
        runAsync(pi, "validateDelivery");
        complete(pi, "resolveValidationProblems", Map.of("resolution", "remap"));

        assertThat(pi).isWaitingAt("validateDelivery");
        runAsync(pi, "validateDelivery");
        assertThat(pi).isWaitingAt("reviewDelivery");
        verify(validate, times(2)).execute(any());
    }

    @Test
    void a_corrected_file_supersedes_this_delivery() throws Exception {
        validation(true);
        ProcessInstance pi = start();
        runAsync(pi, "validateDelivery");
        complete(pi, "resolveValidationProblems", Map.of("resolution", "newVersion"));

        assertThat(pi).isEnded().hasPassed("deliverySuperseded").hasNotPassed("reviewDelivery");
        verify(startAudienceReport, times(0)).execute(any());
    }

    @Test
    void a_delivery_sent_back_returns_to_the_institution_with_the_comment() throws Exception {
        validation(false);
        ProcessInstance pi = start();
        runAsync(pi, "validateDelivery");
        complete(pi, "reviewDelivery", Map.of("deliveryAccepted", false, "reviewComment", "Postcodes ontbreken"));

        assertThat(pi).isWaitingAt("resolveValidationProblems");
        assertThat(pi).variables().containsEntry("reviewComment", "Postcodes ontbreken");
        complete(pi, "resolveValidationProblems", Map.of("resolution", "acceptRows"));
        complete(pi, "reviewDelivery", Map.of("deliveryAccepted", true));
        runAsync(pi, "startAudienceReport");
        assertThat(pi).isEnded().hasPassed("deliveryValidated");
        verify(startAudienceReport, times(1)).execute(any());
    }

    @Test
    void a_validation_that_keeps_failing_becomes_an_incident_not_a_silent_stop() throws Exception {
        JavaDelegate validate = Mockito.mock(JavaDelegate.class);
        doThrow(new IllegalStateException("disk full")).when(validate).execute(any());
        Mocks.register("validateDelivery", validate);
        ProcessInstance pi = start();

        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
            setClock(job.getDuedate() == null ? now() : job.getDuedate().toInstant());
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job executor would log it and retry
            }
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt("validateDelivery");
        verify(validate, times(3)).execute(any());
    }
}
