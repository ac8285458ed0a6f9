package nl.kunstloc.publieksdata.delivery.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;

/**
 * One uploaded export of an institution and what validation made of it. The file itself is held
 * (outside the database) only until the delivery is accepted; the accepted rows live in
 * {@code delivery_row}, written by {@code DeliveryRowStore}, not through JPA.
 */
@Entity
@Table(name = "delivery")
public class Delivery implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    private Long id;

    @Column(name = "institution_id", nullable = false)
    private Long institutionId;
    @Column(name = "institution_name", nullable = false)
    private String institutionName;
    @Column(name = "delivery_version", nullable = false)
    private int deliveryVersion;
    @Column(name = "previous_id")
    private Long previousId;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Enumerated(EnumType.STRING)
    @Column(name = "file_format", nullable = false, length = 10)
    private FileFormat format;
    @Column(name = "file_bytes", nullable = false)
    private long fileBytes;
    @Column(length = 100)
    private String dialect;
    @Column(name = "held_file", length = 1000)
    private String heldFile;
    @Enumerated(EnumType.STRING)
    @Column(name = "ticketing_system", length = 30)
    private TicketingSystem ticketingSystem;
    @Column(name = "mapping_used")
    private String mappingUsed;
    /** Optional fields the export lacked (comma-separated {@link CanonicalField} names), see V13. */
    @Column(name = "absent_fields", length = 200)
    private String absentFields;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryStatus status;
    @Column(name = "status_since", nullable = false)
    private Instant statusSince;
    @Column(name = "progress_rows", nullable = false)
    private long progressRows;
    @Column(name = "rows_read", nullable = false)
    private long rowsRead;
    @Column(name = "rows_accepted", nullable = false)
    private long rowsAccepted;
    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;
    @Column(name = "rows_skipped", nullable = false)
    private long rowsSkipped;
    @Column(name = "placed_dutch", nullable = false)
    private long placedDutch;
    @Column(name = "placed_brabant", nullable = false)
    private long placedBrabant;
    @Column(name = "rows_foreign", nullable = false)
    private long rowsForeign;
    /** e.g. "SUMMARY_ROW: 12, 40" — which lines were left out, for the reconciliation. */
    @Column(name = "skipped_lines")
    private String skippedLines;
    @Column(name = "rejected_csv")
    private byte[] rejectedCsv;
    /** A message key, followed by its arguments (line numbers, limits) each after a U+001F: see {@link #reject(String, Instant, Object...)}. */
    @Column(length = 2000)
    private String failure;
    @Column(name = "review_comment", length = 2000)
    private String reviewComment;
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;
    @Column(name = "validated_at")
    private Instant validatedAt;
    @Column(name = "raw_deleted_at")
    private Instant rawDeletedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "delivery_problem", joinColumns = @JoinColumn(name = "delivery_id"))
    private List<DeliveryProblem> problems = new ArrayList<>();

    protected Delivery() {
    }

    /** @param previous the delivery this corrected file replaces, or null for a first upload */
    public Delivery(Long institutionId, String institutionName, Delivery previous, String fileName, FileFormat format,
                    long fileBytes, String heldFile, TicketingSystem ticketingSystem, String mapping,
                    String uploadedBy, Instant now) {
        this.institutionId = Objects.requireNonNull(institutionId, "institutionId");
        this.institutionName = Objects.requireNonNull(institutionName, "institutionName");
        if (previous != null && !previous.institutionId.equals(institutionId)) {
            throw new IllegalArgumentException("a corrected file replaces a delivery of the same institution");
        }
        if (fileBytes <= 0) {
            throw new IllegalArgumentException("an empty file is not a delivery");
        }
        this.previousId = previous == null ? null : previous.id;
        this.deliveryVersion = previous == null ? 1 : previous.deliveryVersion + 1;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.format = Objects.requireNonNull(format, "format");
        this.fileBytes = fileBytes;
        this.heldFile = Objects.requireNonNull(heldFile, "heldFile");
        this.ticketingSystem = ticketingSystem;
        this.mappingUsed = mapping;
        this.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy");
        this.uploadedAt = now;
        moveTo(DeliveryStatus.UPLOADED, now);
    }

    private void moveTo(DeliveryStatus next, Instant now) {
        this.status = next;
        this.statusSince = now;
    }

    private void require(Set<DeliveryStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new IllegalStateException("delivery " + id + " cannot " + action + " when " + status);
        }
    }

    public void startValidation(Instant now) {
        require(EnumSet.of(DeliveryStatus.UPLOADED, DeliveryStatus.VALIDATING), "be validated");
        if (heldFile == null) {
            throw new IllegalStateException("delivery " + id + " has no held file to validate");
        }
        progressRows = 0;
        failure = null;
        problems.clear();
        moveTo(DeliveryStatus.VALIDATING, now);
    }

    /** The outcome of reading the file; true when the institution has to act (problems found). */
    public boolean record(ValidationReport report, String dialectText, byte[] rejects, Instant now) {
        require(EnumSet.of(DeliveryStatus.VALIDATING), "record a report");
        if (!report.reconciles()) {
            throw new IllegalStateException("report does not reconcile: " + report);
        }
        rowsRead = report.rowsRead();
        rowsAccepted = report.accepted();
        rowsRejected = report.rejected();
        rowsSkipped = report.skipped();
        placedDutch = report.placedDutch();
        placedBrabant = report.placedBrabant();
        rowsForeign = report.foreign();
        progressRows = report.rowsRead();
        dialect = dialectText;
        ticketingSystem = report.proposal().system();
        absentFields = report.proposal().absentOptional().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        skippedLines = report.skippedRows().values().stream()
                .map(s -> s.reason() + ": " + s.lines().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        rejectedCsv = rejects;
        problems.clear();
        report.problems().forEach(p -> problems.add(new DeliveryProblem(p)));
        boolean problemsFound = report.rejected() > 0 || report.mappingIncomplete() || report.accepted() == 0;
        moveTo(problemsFound ? DeliveryStatus.NEEDS_ATTENTION : DeliveryStatus.IN_REVIEW, now);
        return problemsFound;
    }

    /** The file is no table the portal can read: only a corrected file helps. */
    public void reject(String reasonKey, Instant now) {
        reject(reasonKey, now, new Object[0]);
    }

    /** As {@link #reject(String, Instant)}, with the message's arguments: numbers and short names only, no file content. */
    public void reject(String reasonKey, Instant now, Object... arguments) {
        require(EnumSet.of(DeliveryStatus.VALIDATING), "be rejected");
        StringBuilder text = new StringBuilder(Objects.requireNonNull(reasonKey, "reasonKey"));
        for (Object argument : arguments) {
            String value = String.valueOf(argument).replace(FAILURE_SEPARATOR, ' ');
            text.append(FAILURE_SEPARATOR).append(value.length() > 100 ? value.substring(0, 100) : value);
        }
        failure = text.length() > 2000 ? reasonKey : text.toString();
        moveTo(DeliveryStatus.REJECTED, now);
    }

    private static final char FAILURE_SEPARATOR = '\u001F';

    /** The institution mapped the columns anew; validation runs again. */
    public void remap(String mapping, Instant now) {
        require(EnumSet.of(DeliveryStatus.NEEDS_ATTENTION, DeliveryStatus.REJECTED), "be re-mapped");
        this.mappingUsed = mapping;
        moveTo(DeliveryStatus.UPLOADED, now);
    }

    public void acceptPassingRows(Instant now) {
        require(EnumSet.of(DeliveryStatus.NEEDS_ATTENTION), "go to review");
        if (rowsAccepted == 0) {
            throw new IllegalStateException("no rows passed; upload a corrected file");
        }
        moveTo(DeliveryStatus.IN_REVIEW, now);
    }

    public void sendBack(String comment, Instant now) {
        require(EnumSet.of(DeliveryStatus.IN_REVIEW), "be sent back");
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("sending back needs a comment");
        }
        this.reviewComment = comment.strip();
        moveTo(DeliveryStatus.NEEDS_ATTENTION, now);
    }

    /** Accepted by the coordinator: the held file is no longer needed (the caller deletes it). */
    public Optional<String> accept(Instant now) {
        require(EnumSet.of(DeliveryStatus.IN_REVIEW), "be accepted");
        validatedAt = now;
        moveTo(DeliveryStatus.VALIDATED, now);
        return releaseHeldFile();
    }

    public Optional<String> supersede(Instant now) {
        require(EnumSet.of(DeliveryStatus.NEEDS_ATTENTION, DeliveryStatus.REJECTED), "be superseded");
        moveTo(DeliveryStatus.SUPERSEDED, now);
        return releaseHeldFile();
    }

    /** Rows and held file deleted (retention over or agreement ended); the report stays as a record. */
    public Optional<String> rawDataDeleted(Instant now) {
        rawDeletedAt = now;
        rejectedCsv = null;
        return releaseHeldFile();
    }

    /** The agreement ended, or nobody acted, while this delivery was still open: its process is cancelled, so it stops here. */
    public void stop(Instant now) {
        if (status.isOpen()) {
            moveTo(DeliveryStatus.STOPPED, now);
        }
    }

    private Optional<String> releaseHeldFile() {
        Optional<String> file = Optional.ofNullable(heldFile);
        heldFile = null;
        return file;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public boolean reconciles() {
        return rowsRead == rowsAccepted + rowsRejected + rowsSkipped;
    }

    public double matchRate() {
        return rowsAccepted == 0 ? 0 : (double) placedDutch / rowsAccepted;
    }

    public double brabantRate() {
        return rowsAccepted == 0 ? 0 : (double) placedBrabant / rowsAccepted;
    }

    public Long getId() { return id; }
    public Long getInstitutionId() { return institutionId; }
    public String getInstitutionName() { return institutionName; }
    public int getDeliveryVersion() { return deliveryVersion; }
    public Long getPreviousId() { return previousId; }
    public String getFileName() { return fileName; }
    public FileFormat getFormat() { return format; }
    public long getFileBytes() { return fileBytes; }
    public String getDialect() { return dialect; }
    public Optional<String> heldFile() { return Optional.ofNullable(heldFile); }
    public boolean isFileHeld() { return heldFile != null; }
    public TicketingSystem getTicketingSystem() { return ticketingSystem; }
    public String getMappingUsed() { return mappingUsed; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public DeliveryStatus getStatus() { return status; }
    public Instant getStatusSince() { return statusSince; }
    public long getProgressRows() { return progressRows; }
    public long getRowsRead() { return rowsRead; }
    public long getRowsAccepted() { return rowsAccepted; }
    public long getRowsRejected() { return rowsRejected; }
    public long getRowsSkipped() { return rowsSkipped; }
    public long getPlacedDutch() { return placedDutch; }
    public long getPlacedBrabant() { return placedBrabant; }
    public long getRowsForeign() { return rowsForeign; }
    public String getSkippedLines() { return skippedLines; }
    public boolean isHasRejectedRows() { return rejectedCsv != null && rowsRejected > 0; }
    public byte[] rejectedCsv() { return rejectedCsv == null ? new byte[0] : rejectedCsv.clone(); }
    /** The message key of why the file was refused, or null. */
    public String getFailure() {
        return failure == null ? null : failure.split(String.valueOf(FAILURE_SEPARATOR), -1)[0];
    }

    /** The arguments of {@link #getFailure()}'s message; whole numbers as {@code Long}, for number formats. */
    public Object[] getFailureArguments() {
        if (failure == null) {
            return new Object[0];
        }
        String[] parts = failure.split(String.valueOf(FAILURE_SEPARATOR), -1);
        Object[] arguments = new Object[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            arguments[i - 1] = parts[i].matches("-?\\d{1,18}") ? (Object) Long.valueOf(parts[i]) : parts[i];
        }
        return arguments;
    }
    public String getReviewComment() { return reviewComment; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getValidatedAt() { return validatedAt; }
    public Instant getRawDeletedAt() { return rawDeletedAt; }
    public List<DeliveryProblem> getProblems() { return List.copyOf(problems); }

    /** Optional fields the export had no column for; empty before validation and for complete exports. */
    public Set<CanonicalField> getAbsentFields() {
        Set<CanonicalField> absent = EnumSet.noneOf(CanonicalField.class);
        if (absentFields != null && !absentFields.isBlank()) {
            for (String name : absentFields.split(",")) {
                absent.add(CanonicalField.valueOf(name.strip()));
            }
        }
        return absent;
    }

    /** The absent fields in a fixed order, for pages. */
    public List<CanonicalField> getAbsentFieldList() {
        return getAbsentFields().stream().sorted().toList();
    }

    /** Accepted rows neither placed in a Dutch PC4 nor abroad: their postcode was missing or could not be placed. */
    public long getRowsUnplaced() {
        return Math.max(0, rowsAccepted - placedDutch - rowsForeign);
    }

    /** Whether the rows carry no customer ids, so that figures are per visit, not per customer. */
    public boolean isCustomersUnknown() {
        return getAbsentFields().contains(CanonicalField.CUSTOMER_ID);
    }
}
