package nl.kunstloc.publieksdata.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.kunstloc.publieksdata.workflow.ProcessTestSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path through bpmn/onboarding.bpmn. */
@Deployment(resources = "bpmn/onboarding.bpmn")
class OnboardingProcessTest extends ProcessTestSupport {

    static final long INSTITUTION = 42L;
    static final String BUSINESS_KEY = "institution-42";
    static final String MEMBERS = "institution-42-INSTITUTION_MEMBER";

    JavaDelegate sendDeclineNotice;
    JavaDelegate sendInvitation;
    JavaDelegate expireInvitation;
    JavaDelegate cancelOnboarding;
    JavaDelegate sendProfileReminder;
    JavaDelegate activateInstitution;
    JavaDelegate startAgreement;

    @BeforeEach
    void delegates() {
        sendDeclineNotice = delegate("sendDeclineNotice");
        sendInvitation = delegateSetting("sendInvitation", Map.of("invitationId", 501L));
        expireInvitation = delegate("expireInvitation");
        cancelOnboarding = delegate("cancelOnboarding");
        sendProfileReminder = delegate("sendProfileReminder");
        activateInstitution = delegate("activateInstitution");
        startAgreement = delegate("startAgreement");
    }

    ProcessInstance start(Boolean applied) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("institutionId", INSTITUTION);
        variables.put("institutionName", "Theater De Nieuwe Vorst");
        if (applied != null) {
            variables.put("applied", applied);
        }
        return engine.getRuntimeService().startProcessInstanceByKey("onboarding", BUSINESS_KEY, variables);
    }

    /** Invited by the coordinator, invitation accepted: the institution has to complete its profile. */
    ProcessInstance atCompleteProfile() throws Exception {
        ProcessInstance pi = start(null);
        assertThat(pi).isWaitingAt("isInvitationAnswered");
        correlate("invitationAccepted", BUSINESS_KEY, Map.of("acceptedBy", "marieke"));
        assertThat(pi).isWaitingAt("completeProfile");
        return pi;
    }

    @Test
    void a_declined_application_ends_with_a_decline_notice() throws Exception {
        ProcessInstance pi = start(true);

        assertThat(pi).isWaitingAt("decideOnApplication");
        assertThat(openTask(pi, "decideOnApplication")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/onboarding/application.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(5))));

        complete(pi, "decideOnApplication", Map.of("applicationAccepted", false, "declineReason", "not in Brabant"));

        verify(sendDeclineNotice).execute(any());
        verify(sendInvitation, never()).execute(any());
        assertThat(pi).isEnded().hasPassed("sendDeclineNotice", "applicationDeclined");
        assertThat(pi).variables().containsEntry("declineReason", "not in Brabant");
    }

    @Test
    void an_accepted_application_leads_to_an_invitation() throws Exception {
        ProcessInstance pi = start(true);

        complete(pi, "decideOnApplication", Map.of("applicationAccepted", true));

        verify(sendInvitation).execute(any());
        verify(sendDeclineNotice, never()).execute(any());
        assertThat(pi).isWaitingAt("isInvitationAnswered").variables().containsEntry("invitationId", 501L);
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName("invitationAccepted").count()).isEqualTo(1);
    }

    @Test
    void an_invited_institution_is_approved_the_first_time() throws Exception {
        ProcessInstance pi = start(null);
        verify(sendInvitation).execute(any());
        assertThat(pi).hasNotPassed("decideOnApplication");

        passTime(Duration.ofDays(3));
        correlate("invitationAccepted", BUSINESS_KEY, Map.of("acceptedBy", "marieke"));

        assertThat(pi).isWaitingAt("completeProfile");
        assertThat(openTask(pi, "completeProfile")).hasCandidateGroup(MEMBERS)
                .hasFormKey("/onboarding/profile.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(3 + 7))));
        complete(pi, "completeProfile", Map.of());

        assertThat(openTask(pi, "reviewOnboarding")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/onboarding/review.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(3 + 5))));
        complete(pi, "reviewOnboarding", Map.of("approved", true));

        verify(activateInstitution).execute(any());
        // the agreement starts in a job of its own, so a failure there is an incident, not a lost approval
        assertThat(pi).isWaitingAt("startAgreement");
        runAsync(pi, "startAgreement");
        verify(startAgreement).execute(any());
        verify(expireInvitation, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder("sendInvitation", "invitationAccepted", "completeProfile",
                "reviewOnboarding", "activateInstitution", "startAgreement", "institutionActive");
        assertThat(pi).variables().containsEntry("institutionId", INSTITUTION).containsEntry("approved", true)
                .containsEntry("acceptedBy", "marieke");
    }

    @Test
    void an_expired_invitation_can_be_sent_again() throws Exception {
        ProcessInstance pi = start(null);
        assertThat(timer(pi, "invitationExpired").getDuedate()).isEqualTo(at(T0.plus(Duration.ofDays(14))));

        fireTimer(pi, "invitationExpired");

        verify(expireInvitation).execute(any());
        assertThat(pi).isWaitingAt("renewOrCancelInvitation");
        assertThat(openTask(pi, "renewOrCancelInvitation")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/onboarding/expired-invitation.xhtml");
        complete(pi, "renewOrCancelInvitation", Map.of("resendInvitation", true));

        verify(sendInvitation, times(2)).execute(any());
        assertThat(pi).isWaitingAt("isInvitationAnswered");
        assertThat(timer(pi, "invitationExpired").getDuedate()).isEqualTo(at(T0.plus(Duration.ofDays(28))));
        correlate("invitationAccepted", BUSINESS_KEY, Map.of());
        assertThat(pi).isWaitingAt("completeProfile");
        verify(cancelOnboarding, never()).execute(any());
    }

    @Test
    void an_expired_invitation_can_be_cancelled() throws Exception {
        ProcessInstance pi = start(null);
        fireTimer(pi, "invitationExpired");

        complete(pi, "renewOrCancelInvitation", Map.of("resendInvitation", false, "cancelReason", "no reaction"));

        verify(expireInvitation).execute(any());
        verify(cancelOnboarding).execute(any());
        verify(sendInvitation, times(1)).execute(any());
        assertThat(pi).isEnded().hasPassed("cancelExpiredOnboarding", "invitationCancelled")
                .hasNotPassed("completeProfile");
    }

    @Test
    void the_coordinator_sends_the_profile_back_and_the_institution_resubmits() throws Exception {
        ProcessInstance pi = atCompleteProfile();
        complete(pi, "completeProfile", Map.of());

        complete(pi, "reviewOnboarding", Map.of("approved", false, "reviewComment", "Add your second venue"));

        assertThat(pi).isWaitingAt("completeProfile").variables()
                .containsEntry("reviewComment", "Add your second venue");
        assertThat(openTask(pi, "completeProfile")).hasCandidateGroup(MEMBERS);
        verify(activateInstitution, never()).execute(any());

        complete(pi, "completeProfile", Map.of());
        complete(pi, "reviewOnboarding", Map.of("approved", true, "reviewComment", ""));

        verify(activateInstitution).execute(any());
        runAsync(pi, "startAgreement");
        assertThat(pi).isEnded().hasPassed("institutionActive");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("completeProfile").count()).isEqualTo(2);
    }

    @Test
    void an_open_profile_gets_a_reminder_every_seven_days() throws Exception {
        ProcessInstance pi = atCompleteProfile();
        assertThat(timer(pi, "profileReminderDue").getDuedate()).isEqualTo(at(T0.plus(Duration.ofDays(7))));
        passTime(Duration.ofDays(6));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
                .as("nothing due after 6 days").isZero();

        fireTimer(pi, "profileReminderDue");

        verify(sendProfileReminder).execute(any());
        assertThat(pi).isWaitingAt("completeProfile");
        assertThat(timer(pi, "profileReminderDue").getDuedate()).isEqualTo(at(T0.plus(Duration.ofDays(14))));

        fireTimer(pi, "profileReminderDue");
        verify(sendProfileReminder, times(2)).execute(any());

        complete(pi, "completeProfile", Map.of());
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
                .as("the reminder stops with the task").isZero();
    }

    @Test
    void a_cancellation_message_ends_the_onboarding_wherever_it_waits() throws Exception {
        ProcessInstance pi = atCompleteProfile();

        correlate("onboardingCancelled", BUSINESS_KEY, Map.of("cancelReason", "institution withdrew"));

        verify(cancelOnboarding).execute(any());
        assertThat(pi).isEnded().hasPassed("cancelOnboarding", "onboardingCancelled").hasNotPassed("reviewOnboarding");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void a_cancellation_message_also_stops_an_unanswered_invitation() throws Exception {
        ProcessInstance pi = start(null);

        correlate("onboardingCancelled", BUSINESS_KEY, Map.of());

        verify(cancelOnboarding).execute(any());
        assertThat(pi).isEnded().hasPassed("onboardingCancelled");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
