package nl.kunstloc.publieksdata.agreement.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.agreement.entity.AgreementStatus;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The agreement's steps as users take them: each method changes the agreement and moves the
 * process on in one transaction, so a refused signature leaves both untouched.
 * Process: {@code bpmn/data-sharing-agreement.bpmn}, documented in docs/processes/data-sharing-agreement.md.
 */
@ApplicationScoped
@Transactional
public class AgreementWorkflow {

    public static final String PROCESS = "dataSharingAgreement";
    public static final String AGREEMENT_ID = "agreementId";
    public static final String RENEWAL_OF = "renewalOf";
    /** Optional ISO date: the first day of the agreement (demo data uses it for an agreement near its end). */
    public static final String PERIOD_START = "periodStart";
    public static final String DIRECTOR_DECISION = "directorDecision";
    public static final String DECLINE_REASON = "declineReason";
    public static final String REGENERATE = "regenerate";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    public static final String WITHDRAWN_BY = "withdrawnBy";
    static final String WITHDRAWN_MESSAGE = "agreementWithdrawn";

    @Inject
    Workflow workflow;

    @Inject
    Agreements agreements;

    public static String businessKey(Long institutionId) {
        return "institution-" + institutionId;
    }

    /** After onboarding: the institution's first agreement. @return the process instance id */
    public String start(Long institutionId, String institutionName) {
        return start(institutionId, institutionName, null, null);
    }

    /** A renewal of an agreement that is about to end. */
    public String startRenewal(Long institutionId, String institutionName, Long renewalOf) {
        return start(institutionId, institutionName, renewalOf, null);
    }

    public String start(Long institutionId, String institutionName, Long renewalOf, LocalDate periodStart) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Workflow.INSTITUTION_ID, institutionId);
        variables.put(Workflow.INSTITUTION_NAME, institutionName);
        if (renewalOf != null) {
            variables.put(RENEWAL_OF, renewalOf);
        }
        if (periodStart != null) {
            variables.put(PERIOD_START, periodStart.toString());
        }
        return workflow.start(PROCESS, businessKey(institutionId), variables, AuditTrail.SYSTEM);
    }

    public Agreement directorSigns(String taskId, Long agreementId, String username, SigningConfirmation confirmation, String clientIp) {
        Agreement signed = agreements.signAsDirector(agreementId, username, confirmation, clientIp);
        workflow.complete(taskId, username, Map.of(DIRECTOR_DECISION, "signed"));
        return signed;
    }

    public Agreement directorDeclines(String taskId, Long agreementId, String username, String reason) {
        Agreement declined = agreements.decline(agreementId, reason, username);
        workflow.complete(taskId, username, Map.of(DIRECTOR_DECISION, "declined", DECLINE_REASON, reason.strip()));
        return declined;
    }

    public Agreement coordinatorCountersigns(String taskId, Long agreementId, String username, SigningConfirmation confirmation, String clientIp) {
        Agreement countersigned = agreements.countersign(agreementId, username, confirmation, clientIp);
        // completing the task runs activateAgreement in this same transaction
        workflow.complete(taskId, username, Map.of());
        return countersigned;
    }

    /** The coordinator's answer to a decline: generate a new version, or give up on this agreement. */
    public void handleDecline(String taskId, String username, boolean regenerate) {
        workflow.complete(taskId, username, Map.of(REGENERATE, regenerate));
    }

    /** Ends an active agreement now: the process's withdrawal path records it and raises the event. */
    public void withdraw(Long agreementId, String reason, String username) {
        Agreement agreement = agreements.find(agreementId).orElseThrow();
        if (agreement.getStatus() != AgreementStatus.ACTIVE) {
            throw new UserFacingException("agreement.withdraw.error.notActive", agreement.getNumber());
        }
        if (reason == null || reason.isBlank()) {
            throw new UserFacingException("agreement.withdraw.error.reason");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(WITHDRAWAL_REASON, reason.strip());
        variables.put(WITHDRAWN_BY, username);
        workflow.correlateByVariable(WITHDRAWN_MESSAGE, AGREEMENT_ID, agreementId, variables);
    }
}
