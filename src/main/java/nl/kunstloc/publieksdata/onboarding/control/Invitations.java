package nl.kunstloc.publieksdata.onboarding.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.onboarding.entity.Invitation;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.mail.Mail;
import nl.kunstloc.publieksdata.platform.mail.Mailer;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.workflow.Workflow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitation links: issued with a random token (only its hash is stored), mailed, and accepted
 * once by setting a password, which creates the person's account in the invited role.
 */
@Stateless
public class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    UserAccounts accounts;

    @Inject
    Institutions institutions;

    @Inject
    Mailer mailer;

    @Inject
    AuditTrail audit;

    @Inject
    Workflow workflow;

    @Inject
    @ConfigProperty(name = "publieksdata.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /**
     * Invites a person to an institution in a role and mails the link. Refuses an address that
     * already has an account or an open invitation, so nobody gets two.
     */
    public Invitation invite(Long institutionId, String name, String email, Role role, String invitedBy) {
        String address = checkedEmail(email);
        if (name == null || name.isBlank()) {
            throw new UserFacingException("onboarding.error.nameRequired");
        }
        if (accounts.exists(address)) {
            throw new UserFacingException("onboarding.error.alreadyUser", address);
        }
        if (openInvitationFor(address).isPresent()) {
            throw new UserFacingException("onboarding.error.alreadyInvited", address);
        }
        Institution institution = institutions.find(institutionId).orElseThrow();
        String token = newToken();
        Invitation invitation = new Invitation(hash(token), address, name.trim(), institutionId, role, invitedBy, clock.instant());
        em.persist(invitation);
        em.flush();
        mailer.send(new Mail(address,
                Messages.format(Locale.forLanguageTag("nl"), "onboarding.mail.invitation.subject", institution.getName()),
                Messages.format(Locale.forLanguageTag("nl"), "onboarding.mail.invitation.text", name.trim(), institution.getName(),
                        Messages.format(Locale.forLanguageTag("nl"), role.messageKey()), link(token),
                        Invitation.VALIDITY.toDays())));
        audit.record("invitation.create", "invitation", invitation.getId(), institutionId, address + " as " + role);
        return invitation;
    }

    /** Re-sends: revokes the person's open invitation (if any) and issues a new one. */
    public Invitation reissue(Long institutionId, String name, String email, Role role, String invitedBy) {
        openInvitationFor(checkedEmail(email)).ifPresent(i -> i.revoke(clock.instant()));
        em.flush();
        return invite(institutionId, name, email, role, invitedBy);
    }

    public static String checkedEmail(String email) {
        try {
            return UserAccount.normaliseEmail(email);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("onboarding.error.email", email == null ? "" : email.trim());
        }
    }

    public Optional<Invitation> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
                .setParameter("h", hash(token)).getResultStream().findFirst();
    }

    public Optional<Invitation> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Invitation.class, id));
    }

    public Optional<Invitation> openInvitationFor(String email) {
        var now = clock.instant();
        return em.createQuery("select i from Invitation i where i.email = :e and i.usedAt is null and i.revokedAt is null", Invitation.class)
                .setParameter("e", email).getResultStream()
                .filter(i -> i.state(now) == Invitation.State.OPEN).findFirst();
    }

    public List<Invitation> ofInstitution(Long institutionId) {
        return em.createQuery("select i from Invitation i where i.institutionId = :id order by i.createdAt desc", Invitation.class)
                .setParameter("id", institutionId).getResultList();
    }

    /**
     * Accepts an invitation: sets the password, creates the account in the invited role, and —
     * for the contact person of an institution waiting in onboarding — moves the process on.
     */
    public UserAccount accept(String token, String password) {
        Invitation invitation = byToken(token).orElseThrow(() -> new UserFacingException("onboarding.invitation.unknown"));
        Invitation.State state = invitation.state(clock.instant());
        if (state != Invitation.State.OPEN) {
            throw new UserFacingException("onboarding.invitation." + state.name().toLowerCase(Locale.ROOT));
        }
        if (accounts.exists(invitation.getEmail())) {
            throw new UserFacingException("onboarding.error.alreadyUser", invitation.getEmail());
        }
        invitation.use(clock.instant());
        UserAccount account = accounts.create(invitation.getEmail(), invitation.getPersonName(), invitation.getInstitutionId(),
                EnumSet.of(invitation.getRole()), password);
        audit.recordAs(account.getUsername(), "invitation.accept", "invitation", invitation.getId(), invitation.getInstitutionId(),
                "account created as " + invitation.getRole());
        Object waitingFor = workflowInvitation(invitation.getInstitutionId());
        if (waitingFor != null && waitingFor.equals(invitation.getId())) {
            Institution institution = institutions.find(invitation.getInstitutionId()).orElseThrow();
            institution.changeStatus(InstitutionStatus.ONBOARDING, clock.instant());
            workflow.correlate("invitationAccepted", OnboardingWorkflow.businessKey(invitation.getInstitutionId()),
                    java.util.Map.of("acceptedBy", account.getUsername()));
        }
        return account;
    }

    /**
     * Someone followed an expired (or revoked) link and asks for a new one. The person who can
     * judge that decides: colleagues' links are re-issued by the coordinators, who get a mail and
     * see it in the audit log; the contact person's expired invitation is already a coordinator
     * task ("renew or cancel"), which now says the contact asked for it.
     */
    public void requestNewLink(String token) {
        Invitation invitation = byToken(token).orElse(null);
        if (invitation == null || invitation.state(clock.instant()) == Invitation.State.USED) {
            return;
        }
        Institution institution = institutions.find(invitation.getInstitutionId()).orElseThrow();
        audit.recordAs(invitation.getEmail(), "invitation.newLinkRequested", "invitation", invitation.getId(),
                invitation.getInstitutionId(), null);
        workflow.runningInstance(OnboardingWorkflow.PROCESS, OnboardingWorkflow.businessKey(invitation.getInstitutionId()))
                .ifPresent(pid -> workflow.addComment(pid, invitation.getEmail(),
                        OnboardingWorkflow.nl("onboarding.invitation.newLinkComment", invitation.getPersonName())));
        for (UserAccount coordinator : accounts.withRole(Role.COORDINATOR)) {
            mailer.send(new Mail(coordinator.getUsername(),
                    OnboardingWorkflow.nl("onboarding.mail.newLink.subject", institution.getName()),
                    OnboardingWorkflow.nl("onboarding.mail.newLink.text", invitation.getPersonName(), invitation.getEmail(),
                            institution.getName(), baseUrl + "/onboarding/institution.xhtml?id=" + institution.getId())));
        }
    }

    /** The invitation the onboarding process of this institution waits for, if it waits. */
    private Object workflowInvitation(Long institutionId) {
        return workflow.runningInstance(OnboardingWorkflow.PROCESS, OnboardingWorkflow.businessKey(institutionId))
                .map(pid -> workflow.variable(pid, "invitationId")).orElse(null);
    }

    String link(String token) {
        return baseUrl + "/public/invitation.xhtml?token=" + token;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
