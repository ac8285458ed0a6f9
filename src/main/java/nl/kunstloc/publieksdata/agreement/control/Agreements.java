package nl.kunstloc.publieksdata.agreement.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.agreement.entity.AgreementDetails;
import nl.kunstloc.publieksdata.agreement.entity.AgreementExpired;
import nl.kunstloc.publieksdata.agreement.entity.AgreementSignature;
import nl.kunstloc.publieksdata.agreement.entity.AgreementStatus;
import nl.kunstloc.publieksdata.agreement.entity.AgreementWithdrawn;
import nl.kunstloc.publieksdata.agreement.entity.Party;
import nl.kunstloc.publieksdata.agreement.entity.Signature;
import nl.kunstloc.publieksdata.agreement.entity.SignerRole;
import nl.kunstloc.publieksdata.agreement.entity.TemplateVersion;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The agreements of the pilot: generated from the current template, signed, countersigned, in force,
 * ended. Every change is written with its audit line in one transaction. Other features ask
 * {@link #requireActiveAgreement(Long)} before they accept data of an institution.
 */
@ApplicationScoped
@Transactional
public class Agreements {

    static final String AUDIT_TYPE = "agreement";

    @PersistenceContext
    EntityManager em;

    @Inject
    Institutions institutions;

    @Inject
    UserAccounts accounts;

    @Inject
    AgreementTemplates templates;

    @Inject
    AgreementDocument document;

    @Inject
    SignaturePage signaturePage;

    @Inject
    AgreementMails mails;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<AgreementWithdrawn> withdrawn;

    @Inject
    Event<AgreementExpired> expired;

    @Inject
    @ConfigProperty(name = "publieksdata.processor.name", defaultValue = "Kunstloc Brabant")
    String processorName;

    @Inject
    @ConfigProperty(name = "publieksdata.processor.kvk-number", defaultValue = "11111111")
    String processorKvk;

    @Inject
    @ConfigProperty(name = "publieksdata.processor.address", defaultValue = "Voorbeeldstraat 1, 5000 AA Tilburg")
    String processorAddress;

    @Inject
    @ConfigProperty(name = "publieksdata.processor.representative", defaultValue = "Karin de Vries")
    String processorRepresentative;

    @Inject
    @ConfigProperty(name = "publieksdata.processor.representative-role", defaultValue = "directeur-bestuurder")
    String processorRepresentativeRole;

    // ----- generation

    /**
     * A new agreement version for the institution from the current template, offered to its director.
     * Runs in a workflow job: a missing institution detail is an incident for a coordinator to fix.
     *
     * @param renewalOf the agreement this one renews, or null
     * @param startDate the first day; null for today (or, for a renewal, the day after the renewed one ends)
     */
    public Agreement generate(Long institutionId, Long renewalOf, LocalDate startDate, String processInstanceId) {
        Institution institution = institutions.find(institutionId)
                .orElseThrow(() -> new IllegalStateException("no institution " + institutionId));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Agreement.ZONE);
        LocalDate start = startDate;
        if (start == null) {
            start = today;
            if (renewalOf != null) {
                LocalDate afterRenewed = find(renewalOf).orElseThrow().getEndDate().plusDays(1);
                start = afterRenewed.isAfter(today) ? afterRenewed : today;
            }
        }
        TemplateVersion template = templates.current();
        AgreementDetails details = AgreementDetails.standard(nextNumber(today.getYear()), institutionParty(institution),
                processor(), start);
        byte[] pdf = document.render(template, details);
        Agreement agreement = new Agreement(details, institutionId, template.version(), pdf, DocumentHash.sha256Hex(pdf),
                renewalOf, processInstanceId, now);
        agreement.offerForSignature(now);
        em.persist(agreement);
        audit.record("agreement.generated", AUDIT_TYPE, agreement.getId(), institutionId,
                agreement.getNumber() + ", template v" + template.version() + ", sha256 " + agreement.getOriginalSha256()
                        + (renewalOf == null ? "" : ", renews " + renewalOf));
        mails.signatureRequested(agreement, directors(institutionId));
        return agreement;
    }

    /** The next free number of the year. Two generations at the same moment collide on the unique
     *  constraint; the losing job is retried by the engine and takes the next number. */
    String nextNumber(int year) {
        String highest = em.createQuery("select max(a.number) from Agreement a where a.number like :prefix", String.class)
                .setParameter("prefix", AgreementNumber.prefix(year) + "%").getSingleResult();
        return AgreementNumber.next(year, highest);
    }

    /** The institution as the contract names it; refuses an incomplete profile (the contract would be void). */
    static Party institutionParty(Institution i) {
        if (i.getKvkNumber() == null || i.getStreet() == null || i.getPostcode() == null || i.getCity() == null
                || i.getDirectorName() == null) {
            throw new IllegalStateException("institution " + i.getName() + " lacks KvK number, address or director;"
                    + " complete its profile and retry the job");
        }
        return new Party(i.getName(), i.getKvkNumber(), i.getStreet() + ", " + i.getPostcode() + " " + i.getCity(),
                i.getDirectorName(), "directeur");
    }

    Party processor() {
        return new Party(processorName, processorKvk, processorAddress, processorRepresentative, processorRepresentativeRole);
    }

    // ----- signing

    /**
     * The director signs: password, typed name and the agreement box are checked, then the signature
     * on exactly the stored document is recorded. A mistake changes nothing.
     */
    public Agreement signAsDirector(Long agreementId, String username, SigningConfirmation confirmation, String clientIp) {
        Agreement agreement = lock(agreementId);
        UserAccount signer = confirmedSigner(username, confirmation);
        if (!signer.hasRole(nl.kunstloc.publieksdata.platform.security.Role.DIRECTOR)
                || !agreement.getInstitutionId().equals(signer.getInstitutionId())) {
            throw new UserFacingException("agreement.sign.error.notDirector");
        }
        requireStatus(agreement, AgreementStatus.AWAITING_DIRECTOR);
        byte[] pdf = StoredDocuments.original(agreement);
        Signature signature = new Signature(signer.getDisplayName(), SignerRole.DIRECTOR, signer.getUsername(),
                clock.instant(), DocumentHash.sha256Hex(pdf), clientIp);
        agreement.signByDirector(new AgreementSignature(agreement, signer.getUsername(), signature), clock.instant());
        audit.record("agreement.signed", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(),
                agreement.getNumber() + " by director " + signer.getUsername() + " from " + clientIp
                        + ", sha256 " + signature.documentSha256());
        return agreement;
    }

    /** The coordinator countersigns; the signed PDF with the signatures page is made and kept. */
    public Agreement countersign(Long agreementId, String username, SigningConfirmation confirmation, String clientIp) {
        Agreement agreement = lock(agreementId);
        UserAccount signer = confirmedSigner(username, confirmation);
        if (!signer.hasRole(nl.kunstloc.publieksdata.platform.security.Role.COORDINATOR)) {
            throw new UserFacingException("agreement.sign.error.notCoordinator");
        }
        requireStatus(agreement, AgreementStatus.AWAITING_COORDINATOR);
        byte[] original = StoredDocuments.original(agreement);
        Signature signature = new Signature(signer.getDisplayName(), SignerRole.COORDINATOR, signer.getUsername(),
                clock.instant(), DocumentHash.sha256Hex(original), clientIp);
        AgreementSignature stored = new AgreementSignature(agreement, signer.getUsername(), signature);
        List<Signature> all = new java.util.ArrayList<>(agreement.getSignatures().stream().map(AgreementSignature::toSignature).toList());
        all.add(signature);
        byte[] signed = signaturePage.renderSigned(original, all);
        agreement.countersign(stored, signed, DocumentHash.sha256Hex(signed));
        audit.record("agreement.countersigned", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(),
                agreement.getNumber() + " by coordinator " + signer.getUsername() + " from " + clientIp
                        + ", signed sha256 " + agreement.getSignedSha256());
        return agreement;
    }

    private UserAccount confirmedSigner(String username, SigningConfirmation confirmation) {
        UserAccount signer = accounts.find(username).orElseThrow(() -> new IllegalStateException("no account " + username));
        confirmation.requirePasswordGiven();
        if (!accounts.passwordMatches(username, confirmation.password())) {
            throw new UserFacingException("agreement.sign.error.password");
        }
        confirmation.requireNameAndAgreement(signer.getDisplayName());
        return signer;
    }

    private static void requireStatus(Agreement agreement, AgreementStatus expected) {
        if (agreement.getStatus() != expected) {
            throw new UserFacingException("agreement.error.status", agreement.getNumber());
        }
    }

    /** The timer's reminder while the director has not acted; a no-op once they have. */
    public void remindDirectors(Long agreementId) {
        Agreement agreement = find(agreementId).orElseThrow();
        if (agreement.getStatus() != AgreementStatus.AWAITING_DIRECTOR) {
            return;
        }
        audit.record("agreement.reminded", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(), agreement.getNumber());
        mails.signReminder(agreement, directors(agreement.getInstitutionId()));
    }

    public Agreement decline(Long agreementId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new UserFacingException("agreement.sign.error.reason");
        }
        Agreement agreement = lock(agreementId);
        requireStatus(agreement, AgreementStatus.AWAITING_DIRECTOR);
        agreement.decline(reason, by, clock.instant());
        audit.record("agreement.declined", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(),
                agreement.getNumber() + ": " + reason.strip());
        mails.declined(agreement, coordinators());
        return agreement;
    }

    // ----- lifetime (called by the workflow)

    public void abandon(Long agreementId, String reason) {
        Agreement agreement = lock(agreementId);
        if (agreement.getStatus() == AgreementStatus.ABANDONED) {
            return; // a retried job
        }
        agreement.abandon(reason, null, clock.instant());
        audit.record("agreement.abandoned", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(), agreement.getNumber());
    }

    /** @return when it expires (the day after its last day, midnight in the Netherlands) */
    public Instant activate(Long agreementId) {
        Agreement agreement = lock(agreementId);
        agreement.activate(clock.instant());
        audit.record("agreement.activated", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(),
                agreement.getNumber() + " until " + agreement.getEndDate());
        mails.activated(agreement, directors(agreement.getInstitutionId()), coordinators());
        return agreement.expiresAt();
    }

    public void requestRenewal(Long agreementId) {
        Agreement agreement = find(agreementId).orElseThrow();
        audit.record("agreement.renewalRequested", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(),
                agreement.getNumber() + " ends " + agreement.getEndDate());
        mails.renewalRequested(agreement, directors(agreement.getInstitutionId()), coordinators());
    }

    public void expire(Long agreementId) {
        Agreement agreement = lock(agreementId);
        if (agreement.getStatus() != AgreementStatus.ACTIVE) {
            return; // withdrawn meanwhile, or a retried job
        }
        agreement.expire(clock.instant());
        boolean stillCovered = hasActiveAgreement(agreement.getInstitutionId());
        audit.record("agreement.expired", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(), agreement.getNumber()
                + (stillCovered ? "; a newer agreement is active" : "; processing stops, raw rows to be deleted"));
        if (!stillCovered) {
            expired.fire(new AgreementExpired(agreement.getInstitutionId(), agreement.getId()));
        }
        mails.expired(agreement, directors(agreement.getInstitutionId()), coordinators(), stillCovered);
    }

    /** Ends an active agreement at once; the delivery feature observes {@link AgreementWithdrawn}. */
    public void withdraw(Long agreementId, String reason, String by) {
        Agreement agreement = lock(agreementId);
        if (agreement.getStatus() == AgreementStatus.WITHDRAWN) {
            return;
        }
        agreement.withdraw(reason, by, clock.instant());
        audit.record("agreement.withdrawn", AUDIT_TYPE, agreement.getId(), agreement.getInstitutionId(),
                agreement.getNumber() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip())
                        + "; processing stopped, deletion of raw rows requested");
        withdrawn.fire(new AgreementWithdrawn(agreement.getInstitutionId(), agreement.getId()));
        mails.withdrawn(agreement, directors(agreement.getInstitutionId()), coordinators());
    }

    // ----- questions other features ask

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasActiveAgreement(Long institutionId) {
        return em.createQuery("select count(a) from Agreement a where a.institutionId = :id and a.status = :active", Long.class)
                .setParameter("id", institutionId).setParameter("active", AgreementStatus.ACTIVE).getSingleResult() > 0;
    }

    /**
     * For uploads (screen and API): refuses an institution without an active agreement, with a
     * message that says why and what to do, depending on where its agreement stands.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireActiveAgreement(Long institutionId) {
        if (hasActiveAgreement(institutionId)) {
            return;
        }
        Optional<Agreement> latest = latestOf(institutionId);
        String key = latest.map(a -> switch (a.getStatus()) {
            case AWAITING_DIRECTOR -> "agreement.required.awaitingDirector";
            case AWAITING_COORDINATOR -> "agreement.required.awaitingCoordinator";
            case WITHDRAWN -> "agreement.required.withdrawn";
            case EXPIRED -> "agreement.required.expired";
            default -> "agreement.required.none";
        }).orElse("agreement.required.none");
        throw new UserFacingException(key, latest.map(Agreement::getNumber).orElse(""));
    }

    // ----- documents, checked before they are handed out

    /** @throws TamperedDocumentException when the stored original no longer matches its hash */
    public byte[] originalDocument(Long agreementId) {
        return StoredDocuments.original(find(agreementId).orElseThrow());
    }

    /** @throws TamperedDocumentException when the signed PDF no longer matches what was signed */
    public byte[] signedDocument(Long agreementId) {
        return StoredDocuments.signed(find(agreementId).orElseThrow());
    }

    public boolean documentsIntact(Long agreementId) {
        return StoredDocuments.intact(find(agreementId).orElseThrow());
    }

    // ----- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Agreement> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Agreement.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Agreement> latestOf(Long institutionId) {
        return em.createQuery("select a from Agreement a where a.institutionId = :id order by a.createdAt desc, a.id desc", Agreement.class)
                .setParameter("id", institutionId).setMaxResults(1).getResultStream().findFirst();
    }

    /** @param institutionId null for all institutions (coordinators) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Agreement> search(Long institutionId, AgreementStatus status, String sortField, boolean ascending, int first, int max) {
        String order = switch (sortField == null ? "" : sortField) {
            case "number" -> "a.number";
            case "institutionName" -> "a.institutionName";
            case "status" -> "a.status";
            case "endDate" -> "a.endDate";
            case "startDate" -> "a.startDate";
            default -> "a.createdAt";
        };
        TypedQuery<Agreement> q = em.createQuery("select a from Agreement a where " + where(institutionId, status)
                + " order by " + order + (ascending ? " asc" : " desc") + ", a.id desc", Agreement.class);
        parameters(institutionId, status).forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Long institutionId, AgreementStatus status) {
        TypedQuery<Long> q = em.createQuery("select count(a) from Agreement a where " + where(institutionId, status), Long.class);
        parameters(institutionId, status).forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static String where(Long institutionId, AgreementStatus status) {
        return "1 = 1" + (institutionId == null ? "" : " and a.institutionId = :institutionId")
                + (status == null ? "" : " and a.status = :status");
    }

    private static Map<String, Object> parameters(Long institutionId, AgreementStatus status) {
        Map<String, Object> p = new HashMap<>();
        if (institutionId != null) p.put("institutionId", institutionId);
        if (status != null) p.put("status", status);
        return p;
    }

    private Agreement lock(Long agreementId) {
        Agreement agreement = em.find(Agreement.class, agreementId, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (agreement == null) {
            throw new IllegalStateException("no agreement " + agreementId);
        }
        return agreement;
    }

    /** E-mail addresses of the institution's directors (accounts with the role, and the profile's director). */
    List<String> directors(Long institutionId) {
        java.util.Set<String> to = new java.util.LinkedHashSet<>();
        accounts.ofInstitution(institutionId).stream()
                .filter(u -> u.isEnabled() && u.hasRole(nl.kunstloc.publieksdata.platform.security.Role.DIRECTOR))
                .forEach(u -> to.add(u.getUsername()));
        institutions.find(institutionId).map(Institution::getDirectorEmail).ifPresent(e -> to.add(e.toLowerCase(java.util.Locale.ROOT)));
        return List.copyOf(to);
    }

    List<String> coordinators() {
        return accounts.withRole(nl.kunstloc.publieksdata.platform.security.Role.COORDINATOR).stream()
                .map(UserAccount::getUsername).toList();
    }
}
