package nl.kunstloc.publieksdata.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.kunstloc.publieksdata.workflow.ProcessTestSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path through bpmn/data-sharing-agreement.bpmn. */
@Deployment(resources = "bpmn/data-sharing-agreement.bpmn")
class DataSharingAgreementProcessTest extends ProcessTestSupport {

    static final long INSTITUTION = 42L;
    static final String BUSINESS_KEY = "institution-42";
    static final Instant EXPIRY = T0.plus(Duration.ofDays(365));
    static final Instant RENEWAL_REMINDER = EXPIRY.minus(Duration.ofDays(60));

    JavaDelegate generateAgreement;
    JavaDelegate sendSignReminder;
    JavaDelegate abandonAgreement;
    JavaDelegate activateAgreement;
    JavaDelegate requestRenewal;
    JavaDelegate expireAgreement;
    JavaDelegate withdrawAgreement;

    @BeforeEach
    void delegates() {
        generateAgreement = delegateSetting("generateAgreement", Map.of("agreementId", 7L));
        sendSignReminder = delegate("sendSignReminder");
        abandonAgreement = delegate("abandonAgreement");
        activateAgreement = delegateSetting("activateAgreement",
                Map.of("expiryDate", at(EXPIRY), "renewalReminderDate", at(RENEWAL_REMINDER)));
        requestRenewal = delegate("requestRenewal");
        expireAgreement = delegate("expireAgreement");
        withdrawAgreement = delegate("withdrawAgreement");
    }

    ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("dataSharingAgreement", BUSINESS_KEY,
                Map.of("institutionId", INSTITUTION, "institutionName", "Theater De Nieuwe Vorst"));
    }

    /** Started, generated in the background: the director has to sign. */
    ProcessInstance atSignAgreement() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("generateAgreement");
        verify(generateAgreement, never()).execute(any());
        runAsync(pi, "generateAgreement");
        assertThat(pi).isWaitingAt("signAgreement");
        return pi;
    }

    ProcessInstance active() throws Exception {
        ProcessInstance pi = atSignAgreement();
        complete(pi, "signAgreement", Map.of("directorDecision", "signed"));
        complete(pi, "countersignAgreement", Map.of());
        assertThat(pi).isWaitingAt("renewalReminderDateReached");
        return pi;
    }

    @Test
    void signed_and_countersigned_the_agreement_becomes_active() throws Exception {
        ProcessInstance pi = atSignAgreement();
        verify(generateAgreement).execute(any());
        assertThat(openTask(pi, "signAgreement")).hasCandidateGroup("institution-42-DIRECTOR")
                .hasFormKey("/agreement/sign.xhtml").hasDueDate(at(T0.plus(Duration.ofDays(7))));
        assertThat(pi).variables().containsEntry("agreementId", 7L);

        complete(pi, "signAgreement", Map.of("directorDecision", "signed"));

        assertThat(openTask(pi, "countersignAgreement")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/agreement/countersign.xhtml");
        complete(pi, "countersignAgreement", Map.of());

        verify(activateAgreement).execute(any());
        assertThat(pi).isWaitingAt("renewalReminderDateReached").hasNotPassed("handleDeclinedAgreement");
        assertThat(timer(pi, "renewalReminderDateReached").getDuedate()).isEqualTo(at(RENEWAL_REMINDER));
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName("agreementWithdrawn").count()).isEqualTo(1);
    }

    @Test
    void a_declined_agreement_can_be_generated_again() throws Exception {
        ProcessInstance pi = atSignAgreement();

        complete(pi, "signAgreement", Map.of("directorDecision", "declined", "declineReason", "wrong retention"));

        assertThat(openTask(pi, "handleDeclinedAgreement")).hasCandidateGroup("COORDINATOR")
                .hasFormKey("/agreement/declined.xhtml");
        assertThat(pi).variables().containsEntry("declineReason", "wrong retention");
        complete(pi, "handleDeclinedAgreement", Map.of("regenerate", true));

        runAsync(pi, "generateAgreement");
        verify(generateAgreement, times(2)).execute(any());
        assertThat(pi).isWaitingAt("signAgreement");
        complete(pi, "signAgreement", Map.of("directorDecision", "signed"));
        assertThat(pi).isWaitingAt("countersignAgreement");
        verify(abandonAgreement, never()).execute(any());
    }

    @Test
    void a_declined_agreement_can_be_abandoned() throws Exception {
        ProcessInstance pi = atSignAgreement();
        complete(pi, "signAgreement", Map.of("directorDecision", "declined"));

        complete(pi, "handleDeclinedAgreement", Map.of("regenerate", false));

        verify(abandonAgreement).execute(any());
        verify(activateAgreement, never()).execute(any());
        assertThat(pi).isEnded().hasPassed("agreementAbandoned").hasNotPassed("countersignAgreement");
    }

    @Test
    void an_unsigned_agreement_gets_a_reminder_every_seven_days() throws Exception {
        ProcessInstance pi = atSignAgreement();
        assertThat(timer(pi, "signReminderDue").getDuedate()).isEqualTo(at(T0.plus(Duration.ofDays(7))));

        fireTimer(pi, "signReminderDue");
        verify(sendSignReminder).execute(any());
        assertThat(pi).isWaitingAt("signAgreement");

        fireTimer(pi, "signReminderDue");
        verify(sendSignReminder, times(2)).execute(any());

        complete(pi, "signAgreement", Map.of("directorDecision", "signed"));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("signReminderDue").count()).as("the reminder stops once signed").isZero();
    }

    @Test
    void renewal_is_requested_at_the_renewal_reminder_date() throws Exception {
        ProcessInstance pi = active();
        setClock(RENEWAL_REMINDER.minus(Duration.ofDays(1)));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
                .as("nothing due the day before").isZero();

        fireTimer(pi, "renewalReminderDateReached");

        verify(requestRenewal).execute(any());
        verify(expireAgreement, never()).execute(any());
        assertThat(pi).isWaitingAt("expiryDateReached");
        assertThat(timer(pi, "expiryDateReached").getDuedate()).isEqualTo(at(EXPIRY));
    }

    @Test
    void the_agreement_expires_at_the_expiry_date() throws Exception {
        ProcessInstance pi = active();
        fireTimer(pi, "renewalReminderDateReached");

        fireTimer(pi, "expiryDateReached");

        verify(expireAgreement).execute(any());
        verify(withdrawAgreement, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder("activateAgreement", "requestRenewal", "expireAgreement",
                "agreementExpired");
    }

    @Test
    void withdrawal_while_active_stops_the_agreement() throws Exception {
        ProcessInstance pi = active();

        correlate("agreementWithdrawn", BUSINESS_KEY, Map.of("withdrawalReason", "leaves the pilot"));

        verify(withdrawAgreement).execute(any());
        verify(requestRenewal, never()).execute(any());
        verify(expireAgreement, never()).execute(any());
        assertThat(pi).isEnded().hasPassed("agreementWithdrawn").hasNotPassed("agreementExpired");
        assertThat(pi).variables().containsEntry("withdrawalReason", "leaves the pilot");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void withdrawal_after_the_renewal_request_stops_the_agreement_too() throws Exception {
        ProcessInstance pi = active();
        fireTimer(pi, "renewalReminderDateReached");

        correlate("agreementWithdrawn", BUSINESS_KEY, Map.of());

        verify(withdrawAgreement).execute(any());
        verify(expireAgreement, never()).execute(any());
        assertThat(pi).isEnded().hasPassed("requestRenewal", "agreementWithdrawn");
    }

}
