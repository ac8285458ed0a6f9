package nl.kunstloc.publieksdata.agreement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A signature as stored: the {@link Signature} value printed on the signatures page, plus the
 * account that gave it. Never changed after it is written.
 */
@Entity
@Table(name = "agreement_signature")
public class AgreementSignature implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_signature_seq")
    @SequenceGenerator(name = "agreement_signature_seq", sequenceName = "agreement_signature_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id", nullable = false)
    private Agreement agreement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SignerRole role;

    @Column(nullable = false)
    private String username;

    @Column(name = "signer_name", nullable = false)
    private String signerName;

    @Column(nullable = false)
    private String email;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "document_sha256", nullable = false, length = 64)
    private String documentSha256;

    @Column(name = "client_ip", nullable = false, length = 64)
    private String clientIp;

    protected AgreementSignature() {
    }

    /** Validated through {@link Signature}'s own rules (hash format, e-mail address, no blanks). */
    public AgreementSignature(Agreement agreement, String username, Signature signature) {
        this.agreement = Objects.requireNonNull(agreement, "agreement");
        this.username = Objects.requireNonNull(username, "username");
        this.role = signature.role();
        this.signerName = signature.signerName();
        this.email = signature.email();
        this.signedAt = signature.signedAt();
        this.documentSha256 = signature.documentSha256();
        this.clientIp = signature.clientIp();
    }

    public Signature toSignature() {
        return new Signature(signerName, role, email, signedAt, documentSha256, clientIp);
    }

    public Long getId() { return id; }
    public Agreement getAgreement() { return agreement; }
    public SignerRole getRole() { return role; }
    public String getUsername() { return username; }
    public String getSignerName() { return signerName; }
    public String getEmail() { return email; }
    public Instant getSignedAt() { return signedAt; }
    public String getDocumentSha256() { return documentSha256; }
    public String getClientIp() { return clientIp; }
}
