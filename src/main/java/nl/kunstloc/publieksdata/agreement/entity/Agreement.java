package nl.kunstloc.publieksdata.agreement.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an institution's processing agreement: the PDF exactly as it was generated (never
 * changed afterwards, its SHA-256 beside it), the signatures given on that PDF, and the signed PDF
 * with the signatures page. Status changes only through the methods below, which refuse a move the
 * workflow does not allow (see {@link AgreementStatus#next()}).
 */
@Entity
@Table(name = "agreement")
public class Agreement implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Dates in an agreement are Dutch calendar days. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_seq")
    @SequenceGenerator(name = "agreement_seq", sequenceName = "agreement_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 12)
    private String number;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;

    /** As named in the document; the institution may be renamed later, the agreement is not. */
    @Column(name = "institution_name", nullable = false)
    private String institutionName;

    @Column(name = "template_version", nullable = false)
    private int templateVersion;

    @Column(name = "renewal_of")
    private Long renewalOf;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AgreementStatus status;

    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    /** Last day in force (inclusive), as printed in the document. */
    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "retention_months", nullable = false)
    private int retentionMonths;

    @Column(name = "breach_hours", nullable = false)
    private int breachNotificationHours;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "original_pdf", nullable = false)
    private byte[] originalPdf;

    @Column(name = "original_sha256", nullable = false, length = 64)
    private String originalSha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "signed_pdf")
    private byte[] signedPdf;

    @Column(name = "signed_sha256", length = 64)
    private String signedSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "end_reason", length = 2000)
    private String endReason;

    @Column(name = "ended_by")
    private String endedBy;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("signedAt")
    private List<AgreementSignature> signatures = new ArrayList<>();

    @Version
    private long version;

    protected Agreement() {
    }

    /**
     * A freshly generated agreement, still a draft until {@link #offerForSignature(Instant)}.
     *
     * @param pdfSha256 the hash of {@code pdf}, computed by the caller that rendered it
     */
    public Agreement(AgreementDetails details, Long institutionId, int templateVersion, byte[] pdf, String pdfSha256,
                     Long renewalOf, String processInstanceId, Instant now) {
        Objects.requireNonNull(details, "details");
        this.number = details.agreementNumber();
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.institutionName = details.institution().name();
        if (templateVersion < 1) {
            throw new IllegalArgumentException("template versions start at 1");
        }
        this.templateVersion = templateVersion;
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("an agreement needs its document");
        }
        if (pdfSha256 == null || !pdfSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the document's SHA-256 must be 64 lower-case hex characters");
        }
        this.originalPdf = pdf.clone();
        this.originalSha256 = pdfSha256;
        this.startDate = details.startDate();
        this.endDate = details.endDate();
        this.retentionMonths = details.retentionMonths();
        this.breachNotificationHours = details.breachNotificationHours();
        this.renewalOf = renewalOf;
        this.processInstanceId = processInstanceId;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.status = AgreementStatus.DRAFT;
        this.statusSince = now;
    }

    public void offerForSignature(Instant now) {
        moveTo(AgreementStatus.AWAITING_DIRECTOR, now);
    }

    /** The director signs the document as generated. */
    public void signByDirector(AgreementSignature signature, Instant now) {
        requireSignatureOnThisDocument(signature, SignerRole.DIRECTOR);
        moveTo(AgreementStatus.AWAITING_COORDINATOR, now);
        signatures.add(signature);
    }

    /**
     * The coordinator countersigns the same document; the signed PDF (the original plus the
     * signatures page) is kept from now on. The agreement is active once {@link #activate} runs.
     */
    public void countersign(AgreementSignature signature, byte[] signed, String signedPdfSha256) {
        if (status != AgreementStatus.AWAITING_COORDINATOR) {
            throw new IllegalTransitionException(number, status, AgreementStatus.ACTIVE);
        }
        if (signatureOf(SignerRole.COORDINATOR).isPresent()) {
            throw new IllegalStateException("agreement " + number + " is countersigned already");
        }
        requireSignatureOnThisDocument(signature, SignerRole.COORDINATOR);
        if (signed == null || signed.length <= originalPdf.length) {
            throw new IllegalArgumentException("the signed document is the original plus the signatures page");
        }
        signatures.add(signature);
        this.signedPdf = signed.clone();
        this.signedSha256 = Objects.requireNonNull(signedPdfSha256);
    }

    public void activate(Instant now) {
        if (signatureOf(SignerRole.COORDINATOR).isEmpty()) {
            throw new IllegalStateException("agreement " + number + " cannot be active before it is countersigned");
        }
        moveTo(AgreementStatus.ACTIVE, now);
        this.activatedAt = now;
    }

    public void decline(String reason, String by, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a director who declines says why");
        }
        end(AgreementStatus.DECLINED, reason, by, now);
    }

    public void abandon(String reason, String by, Instant now) {
        end(AgreementStatus.ABANDONED, reason, by, now);
    }

    public void expire(Instant now) {
        end(AgreementStatus.EXPIRED, null, null, now);
    }

    public void withdraw(String reason, String by, Instant now) {
        end(AgreementStatus.WITHDRAWN, reason, by, now);
    }

    private void end(AgreementStatus target, String reason, String by, Instant now) {
        moveTo(target, now);
        this.endReason = reason == null || reason.isBlank() ? null : reason.strip();
        this.endedBy = by;
    }

    private void moveTo(AgreementStatus target, Instant now) {
        if (!status.mayMoveTo(target)) {
            throw new IllegalTransitionException(number, status, target);
        }
        this.status = target;
        this.statusSince = Objects.requireNonNull(now);
    }

    private void requireSignatureOnThisDocument(AgreementSignature signature, SignerRole role) {
        Objects.requireNonNull(signature, "signature");
        if (signature.getRole() != role) {
            throw new IllegalArgumentException("expected a signature of the " + role + ", got " + signature.getRole());
        }
        if (!originalSha256.equals(signature.getDocumentSha256())) {
            throw new IllegalArgumentException("the signature is for another document than agreement " + number);
        }
        if (signature.getAgreement() != this) {
            throw new IllegalArgumentException("the signature belongs to another agreement");
        }
    }

    /** The moment the agreement stops being in force: the day after its last day, at midnight. */
    public Instant expiresAt() {
        return endDate.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public Optional<AgreementSignature> signatureOf(SignerRole role) {
        return signatures.stream().filter(s -> s.getRole() == role).findFirst();
    }

    public boolean isSigned() {
        return signedPdf != null;
    }

    /** The institution's raw data may be processed under this agreement. */
    public boolean isActive() {
        return status == AgreementStatus.ACTIVE;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Long getInstitutionId() { return institutionId; }
    public String getInstitutionName() { return institutionName; }
    public int getTemplateVersion() { return templateVersion; }
    public Long getRenewalOf() { return renewalOf; }
    public String getProcessInstanceId() { return processInstanceId; }
    public AgreementStatus getStatus() { return status; }
    public Instant getStatusSince() { return statusSince; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public int getRetentionMonths() { return retentionMonths; }
    public int getBreachNotificationHours() { return breachNotificationHours; }
    /** A copy: the stored bytes are never handed out to be changed. */
    public byte[] originalPdf() { return originalPdf.clone(); }
    public String getOriginalSha256() { return originalSha256; }
    public Optional<byte[]> signedPdf() { return Optional.ofNullable(signedPdf).map(byte[]::clone); }
    public String getSignedSha256() { return signedSha256; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getActivatedAt() { return activatedAt; }
    public String getEndReason() { return endReason; }
    public String getEndedBy() { return endedBy; }
    public List<AgreementSignature> getSignatures() { return Collections.unmodifiableList(signatures); }
}
