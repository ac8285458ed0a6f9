package nl.kunstloc.publieksdata.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of an institution's audience report. Its figures (JSON of
 * {@code segmentation.entity.AudienceFigures}) are written once, by the segmentation job, and never
 * recomputed: when the raw rows are deleted (retention, withdrawal) the report stays as it was approved.
 * A new delivery or a new model version makes a new version; the published one stays readable beside it
 * until a newer one is published.
 */
@Entity
@Table(name = "audience_report")
public class AudienceReport implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final int TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audience_report_seq")
    @SequenceGenerator(name = "audience_report_seq", sequenceName = "audience_report_seq", allocationSize = 50)
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;
    @Column(name = "institution_name", nullable = false)
    private String institutionName;
    @Column(name = "report_version", nullable = false)
    private int reportVersion;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReportStatus status;
    @Column(name = "status_since", nullable = false)
    private Instant statusSince;
    /** Comma-separated ids of the accepted deliveries this version covers, oldest first. */
    @Column(name = "delivery_ids", nullable = false, length = 2000)
    private String deliveryIds;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "model_version_id")
    private Long modelVersionId;
    @Column(name = "model_label")
    private String modelLabel;
    /**
     * Lazy: up to a few hundred kB of JSON, which lists, the dashboards and the views kept in a session (replicated,
     * ADR 15) must not carry. Read through Reports#figures only (issue 15, docs/performance.md "Load").
     */
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @Column(name = "figures")
    private String figures;
    @Column(name = "computed_at")
    private Instant computedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "superseded_at")
    private Instant supersededAt;
    @Column(name = "superseded_by_id")
    private Long supersededById;
    @Column(length = TEXT)
    private String remarks;
    @Column(length = TEXT)
    private String answer;
    @Column(length = TEXT)
    private String questions;
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;
    @Version
    private long version;

    protected AudienceReport() {
    }

    public AudienceReport(Long institutionId, String institutionName, int reportVersion, List<Long> deliveryIds,
                          String requestedBy, Instant now) {
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.institutionName = Objects.requireNonNull(institutionName, "institutionName");
        if (reportVersion < 1) {
            throw new IllegalArgumentException("report versions start at 1");
        }
        if (deliveryIds == null || deliveryIds.isEmpty()) {
            throw new IllegalArgumentException("a report covers at least one accepted delivery");
        }
        this.reportVersion = reportVersion;
        this.deliveryIds = deliveryIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requestedAt = now;
        move(ReportStatus.DRAFT, now);
    }

    // ----- transitions

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The segmentation job stored the figures: the draft goes to the coordinator. Run again, it replaces them. */
    public void recordFigures(String figuresJson, Long modelVersionId, String modelLabel, Instant now) {
        require(Set.of(ReportStatus.DRAFT, ReportStatus.IN_REVIEW), ReportStatus.IN_REVIEW);
        this.figures = Objects.requireNonNull(figuresJson, "figures");
        this.modelVersionId = modelVersionId;
        this.modelLabel = modelLabel;
        this.computedAt = now;
        move(ReportStatus.IN_REVIEW, now);
    }

    /** The coordinator sends the draft back to the institution with remarks. */
    public void sendBack(String remarks, String by, Instant now) {
        require(Set.of(ReportStatus.IN_REVIEW), ReportStatus.SENT_BACK);
        this.remarks = text(remarks, "remarks");
        this.reviewedBy = by;
        this.reviewedAt = now;
        move(ReportStatus.SENT_BACK, now);
    }

    /** The institution answered the remarks: back to the coordinator. */
    public void answerRemarks(String answer, Instant now) {
        require(Set.of(ReportStatus.SENT_BACK), ReportStatus.IN_REVIEW);
        this.answer = text(answer, "answer");
        move(ReportStatus.IN_REVIEW, now);
    }

    /** The coordinator approves the draft for the director (optionally with a note, e.g. answers to questions). */
    public void approveForDirector(String note, String by, Instant now) {
        require(Set.of(ReportStatus.IN_REVIEW), ReportStatus.WITH_DIRECTOR);
        if (computedAt == null) {
            throw new IllegalStateException("report " + id + " has no figures yet");
        }
        if (note != null && !note.isBlank()) {
            this.remarks = text(note, "remarks");
        }
        this.reviewedBy = by;
        this.reviewedAt = now;
        move(ReportStatus.WITH_DIRECTOR, now);
    }

    /** The director has questions: back to the coordinator. */
    public void askQuestions(String questions, String by, Instant now) {
        require(Set.of(ReportStatus.WITH_DIRECTOR), ReportStatus.IN_REVIEW);
        this.questions = text(questions, "questions");
        move(ReportStatus.IN_REVIEW, now);
    }

    /** The director approves this version. */
    public void approve(String by, Instant now) {
        require(Set.of(ReportStatus.WITH_DIRECTOR), ReportStatus.PUBLISHED);
        this.approvedBy = Objects.requireNonNull(by, "by");
        this.approvedAt = now;
    }

    /** Published, after the director's approval (the process step right after it). */
    public void publish(Instant now) {
        require(Set.of(ReportStatus.WITH_DIRECTOR), ReportStatus.PUBLISHED);
        if (approvedBy == null) {
            throw new IllegalStateException("report " + id + " is not approved by a director");
        }
        this.publishedAt = now;
        move(ReportStatus.PUBLISHED, now);
    }

    /** A newer version replaces this one: an unpublished draft at once, a published one when the newer is published. */
    public void supersede(Long newerId, Instant now) {
        require(Set.of(ReportStatus.DRAFT, ReportStatus.IN_REVIEW, ReportStatus.SENT_BACK, ReportStatus.WITH_DIRECTOR,
                ReportStatus.PUBLISHED), ReportStatus.SUPERSEDED);
        this.supersededById = newerId;
        this.supersededAt = now;
        move(ReportStatus.SUPERSEDED, now);
    }

    private void require(Set<ReportStatus> from, ReportStatus to) {
        if (!from.contains(status)) {
            throw new IllegalStateException("report " + id + " cannot go from " + status + " to " + to);
        }
    }

    private void move(ReportStatus to, Instant now) {
        this.status = to;
        this.statusSince = Objects.requireNonNull(now, "now");
    }

    private static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        String stripped = value.strip();
        return stripped.length() > TEXT ? stripped.substring(0, TEXT) : stripped;
    }

    // ----- reading

    /** Was this version ever published (the current one, or an older one kept beside a newer)? */
    public boolean wasPublished() {
        return publishedAt != null;
    }

    public List<Long> deliveryIdList() {
        return Arrays.stream(deliveryIds.split(",")).map(Long::valueOf).toList();
    }

    public Long getId() { return id; }
    public Long getInstitutionId() { return institutionId; }
    public String getInstitutionName() { return institutionName; }
    public int getReportVersion() { return reportVersion; }
    public ReportStatus getStatus() { return status; }
    public Instant getStatusSince() { return statusSince; }
    public String getDeliveryIds() { return deliveryIds; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Long getModelVersionId() { return modelVersionId; }
    public String getModelLabel() { return modelLabel; }
    /** Whether the segmentation stored its figures (they are read with Reports#figures). */
    public boolean isComputed() { return computedAt != null; }
    public Instant getComputedAt() { return computedAt; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getSupersededAt() { return supersededAt; }
    public Long getSupersededById() { return supersededById; }
    public String getRemarks() { return remarks; }
    public String getAnswer() { return answer; }
    public String getQuestions() { return questions; }
    public String getProcessInstanceId() { return processInstanceId; }
}
