package nl.kunstloc.publieksdata.agreement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored template version. A draft may be edited; once published it is frozen, because signed
 * agreements point at it and must render again byte for byte.
 */
@Entity
@Table(name = "agreement_template")
public class AgreementTemplate {

    /** Templates are whole XHTML documents with styles; a generous but finite limit. */
    public static final int MAX_BODY = 200_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_template_seq")
    @SequenceGenerator(name = "agreement_template_seq", sequenceName = "agreement_template_seq", allocationSize = 50)
    private Long id;

    @Column(name = "template_version", nullable = false, unique = true)
    private int templateVersion;

    @Column(nullable = false)
    private String title;

    @Column(name = "body_html", nullable = false, length = MAX_BODY)
    private String bodyHtml;

    @Column(name = "based_on")
    private Integer basedOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Version
    private long version;

    protected AgreementTemplate() {
    }

    public AgreementTemplate(int templateVersion, String title, String bodyHtml, Integer basedOn, String createdBy, Instant now) {
        if (templateVersion < 1) {
            throw new IllegalArgumentException("template versions start at 1");
        }
        this.templateVersion = templateVersion;
        this.basedOn = basedOn;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(now, "now");
        write(title, bodyHtml);
    }

    /** The shipped version, stored as published with its fixed publication date. */
    public static AgreementTemplate seed(TemplateVersion shipped, String by) {
        AgreementTemplate t = new AgreementTemplate(shipped.version(), shipped.title(), shipped.bodyHtml(), null, by, shipped.publishedAt());
        t.publishedAt = shipped.publishedAt();
        t.publishedBy = by;
        return t;
    }

    public void edit(String newTitle, String newBody) {
        if (isPublished()) {
            throw new IllegalStateException("template version " + templateVersion + " is published and cannot change");
        }
        write(newTitle, newBody);
    }

    public void publish(String by, Instant now) {
        if (isPublished()) {
            throw new IllegalStateException("template version " + templateVersion + " is published already");
        }
        this.publishedBy = Objects.requireNonNull(by);
        this.publishedAt = Objects.requireNonNull(now);
    }

    private void write(String newTitle, String newBody) {
        if (newTitle == null || newTitle.isBlank()) {
            throw new IllegalArgumentException("a template needs a title");
        }
        if (newBody == null || newBody.isBlank() || newBody.length() > MAX_BODY) {
            throw new IllegalArgumentException("a template needs a body of at most " + MAX_BODY + " characters");
        }
        this.title = newTitle.strip();
        this.bodyHtml = newBody;
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    /** The value the document renderer works with; only published versions are used for agreements. */
    public TemplateVersion toTemplateVersion() {
        if (!isPublished()) {
            throw new IllegalStateException("template version " + templateVersion + " is a draft");
        }
        return new TemplateVersion(templateVersion, title, bodyHtml, publishedAt);
    }

    public Long getId() { return id; }
    public int getTemplateVersion() { return templateVersion; }
    public String getTitle() { return title; }
    public String getBodyHtml() { return bodyHtml; }
    public Integer getBasedOn() { return basedOn; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
}
