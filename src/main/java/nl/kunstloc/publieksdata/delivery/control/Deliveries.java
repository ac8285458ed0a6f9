package nl.kunstloc.publieksdata.delivery.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.agreement.entity.AgreementStatus;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import nl.kunstloc.publieksdata.delivery.entity.SavedMapping;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.workflow.Workflow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deliveries from upload to validated: each public method is one user action or one process step,
 * one transaction (entity, rows, process state and audit line commit together).
 */
@ApplicationScoped
@Transactional
public class Deliveries {

    public static final String PROCESS = "dataDelivery";
    public static final String DELIVERY_ID = "deliveryId";
    static final String AUDIT_TYPE = "delivery";
    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Agreements agreements;

    @Inject
    Institutions institutions;

    @Inject
    Workflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    DeliveryProgress progress;

    @Inject
    PostcodeDirectory postcodes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "publieksdata.pseudonymisation.secret")
    String pseudonymSecret;

    @Inject
    @ConfigProperty(name = "publieksdata.delivery.abandoned-days", defaultValue = "30")
    int abandonedDays;

    @Inject
    @ConfigProperty(name = "publieksdata.delivery.upload-dir", defaultValue = "${java.io.tmpdir}/publieksdata-uploads")
    String uploadDir;

    @Inject
    @ConfigProperty(name = "publieksdata.delivery.max-upload-bytes", defaultValue = "524288000")
    long maxUploadBytes;

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    // reader: what one row of an export may hold (issue 11 findings 2-3)
    @Inject
    @ConfigProperty(name = "publieksdata.delivery.max-field-chars", defaultValue = "100000")
    int maxFieldChars;

    @Inject
    @ConfigProperty(name = "publieksdata.delivery.max-record-chars", defaultValue = "1000000")
    int maxRecordChars;

    ReadLimits readLimits() {
        return new ReadLimits(maxFieldChars, Math.max(maxRecordChars, maxFieldChars), ReadLimits.DEFAULT.maxColumns(),
                ReadLimits.DEFAULT.maxRows());
    }

    DeliveryReader reader() {
        return new DeliveryReader(postcodes, readLimits());
    }

    HeldFiles heldFiles() {
        String dir = uploadDir.replace("${java.io.tmpdir}", System.getProperty("java.io.tmpdir"));
        return new HeldFiles(Path.of(dir), maxUploadBytes);
    }

    // ----- upload

    /** A received file, checked (not empty, not binary, has a header and at least one row) but not yet a delivery. */
    public record Upload(String heldFile, String fileName, long bytes, Preview preview) implements java.io.Serializable {
    }

    /**
     * Receives a file: refuses without an active agreement, or when it is empty, binary, too big or
     * header-only — then nothing is kept. The preview is what the upload page shows before importing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Upload receive(Long institutionId, InputStream in, String fileName, Optional<TicketingSystem> system) {
        agreements.requireActiveAgreement(institutionId);
        HeldFiles files = heldFiles();
        HeldFiles.Received received;
        try {
            received = files.receive(in, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = HeldFiles.readableName(received, fileName);
        boolean kept = false;
        try (InputStream file = files.open(received.path().toString())) {
            Preview preview = reader().preview(file, name, DeliveryReader.DEFAULT_PREVIEW_ROWS, system);
            Optional<TicketingSystem> profile = institutionSystem(institutionId);
            if (system.isEmpty() && preview.proposal().system() == TicketingSystem.OTHER && profile.isPresent()) {
                // a file that is recognisably another system's (an Eventbrite report at a Ticketmatic theatre) keeps
                // that system; only a file recognised as none takes the system of the institution's profile
                try (InputStream again = files.open(received.path().toString())) {
                    preview = reader().preview(again, name, DeliveryReader.DEFAULT_PREVIEW_ROWS, profile);
                }
            }
            if (preview.rows().isEmpty()) {
                throw new UnreadableExportException("delivery.upload.headerOnly", "header only");
            }
            Optional<ColumnMapping> saved = savedMapping(institutionId, preview.headers());
            if (saved.isPresent()) {
                preview = new Preview(preview.fileName(), preview.format(), preview.dialect(), preview.headers(),
                        MappingDetector.withMapping(preview.headers(), preview.proposal().system(), saved.get(),
                                nl.kunstloc.publieksdata.delivery.entity.ColumnReason.Kind.SAVED), preview.rows());
            }
            kept = true;
            return new Upload(received.path().toString(), name, received.bytes(), preview);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // whatever went wrong (also an Error), a refused upload holds personal data and must not stay
            if (!kept) {
                files.delete(received.path().toString(), "refused upload");
            }
        }
    }

    /** The user left the upload page without importing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void discard(Upload upload) {
        heldFiles().delete(upload.heldFile(), "upload not imported");
    }

    private Optional<TicketingSystem> institutionSystem(Long institutionId) {
        return institutions.find(institutionId).map(Institution::getTicketingSystem)
                .filter(s -> s != TicketingSystem.OTHER);
    }

    /**
     * Makes the received file a delivery and starts its process (validation runs as a job).
     *
     * @param replaces the delivery this corrected file replaces (its problems task is completed), or null
     */
    public Delivery importUpload(Long institutionId, Upload upload, ColumnMapping mapping, boolean saveMapping,
                                 Long replaces, String by) {
        agreements.requireActiveAgreement(institutionId);
        java.util.Set<nl.kunstloc.publieksdata.delivery.entity.CanonicalField> missing = mapping != null
                ? mapping.missingRequired() : upload.preview().proposal().missingRequired();
        if (!missing.isEmpty()) {
            // a delivery that can never pass is not started (the pages say it before, in the user's words)
            throw new UserFacingException("delivery.mapping.incomplete",
                    String.join(", ", missing.stream().map(Enum::name).sorted().toList()));
        }
        Institution institution = institutions.find(institutionId).orElseThrow();
        Delivery previous = replaces == null ? null : find(replaces).filter(d -> d.getInstitutionId().equals(institutionId))
                .orElseThrow(() -> new UserFacingException("delivery.notFound"));
        Instant now = clock.instant();
        String mappingText = mapping == null ? null : MappingText.write(mapping);
        Delivery delivery = new Delivery(institutionId, institution.getName(), previous, upload.fileName(),
                upload.preview().format(), upload.bytes(), upload.heldFile(), upload.preview().proposal().system(),
                mappingText, by, now);
        em.persist(delivery);
        em.flush();
        if (saveMapping && mapping != null) {
            saveMapping(institutionId, upload.preview().headers(), mapping, by);
        }
        if (previous != null) {
            supersede(previous, by);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Workflow.INSTITUTION_ID, institutionId);
        variables.put(Workflow.INSTITUTION_NAME, institution.getName());
        variables.put(DELIVERY_ID, delivery.getId());
        delivery.attachProcess(workflow.start(PROCESS, "delivery-" + delivery.getId(), variables, by));
        audit.record("delivery.uploaded", AUDIT_TYPE, delivery.getId(), institutionId,
                upload.fileName() + " (" + upload.bytes() + " bytes, version " + delivery.getDeliveryVersion() + ")");
        hintJobExecutorAfterCommit();
        return delivery;
    }

    private void supersede(Delivery previous, String by) {
        workflow.openTask(previous.getProcessInstanceId(), "resolveValidationProblems")
                .ifPresent(task -> workflow.complete(task.id(), by, Map.of("resolution", "newVersion")));
        previous.supersede(clock.instant()).ifPresent(file -> deleteAfterCommit(file, "delivery " + previous.getId() + " superseded"));
        long rows = withStore(store -> store.deleteDelivery(previous.getId()));
        audit.record("delivery.superseded", AUDIT_TYPE, previous.getId(), previous.getInstitutionId(), rows + " rows deleted");
    }

    // ----- validation (the async job)

    /** @return whether problems were found (the institution has to act) */
    public boolean validate(Long deliveryId) {
        Delivery delivery = find(deliveryId).orElseThrow(() -> new IllegalStateException("no delivery " + deliveryId));
        progress.started(deliveryId, clock.instant());
        em.refresh(delivery);
        delivery.startValidation(clock.instant());
        String heldFile = delivery.heldFile().orElseThrow();
        Optional<ColumnMapping> mapping = Optional.ofNullable(delivery.getMappingUsed()).map(MappingText::read);
        Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution(pseudonymSecret.getBytes(StandardCharsets.UTF_8),
                delivery.getInstitutionId().toString());
        ByteArrayOutputStream rejects = new ByteArrayOutputStream();
        // closed once, explicitly, after reading: its bytes are stored with the report
        RejectedRowsCsv rejectedCsv = new RejectedRowsCsv(new OutputStreamWriter(rejects, StandardCharsets.UTF_8));
        try (InputStream in = heldFiles().open(heldFile);
             Connection connection = dataSource.getConnection()) {
            DeliveryRowStore store = new DeliveryRowStore(connection);
            DeliveryReader reader = reader();
            ValidationReport report;
            try {
                report = store.store(deliveryId, delivery.getInstitutionId(),
                        sink -> reader.read(in, delivery.getFileName(), Optional.ofNullable(delivery.getTicketingSystem()),
                                mapping, pseudonymiser, sink),
                        rejectedCsv, rows -> progress.rowsDone(deliveryId, rows));
            } catch (UnreadableExportException unreadable) {
                store.deleteDelivery(deliveryId);
                delivery.reject(unreadable.messageKey(), clock.instant(), unreadable.arguments());
                audit.record("delivery.rejected", AUDIT_TYPE, deliveryId, delivery.getInstitutionId(), unreadable.getMessage());
                return true;
            }
            rejectedCsv.close();
            String dialect = report.dialect().map(d -> d.delimiterName() + " · " + d.charset().name()
                    + (d.byteOrderMark() ? " BOM" : "") + " · " + d.lineEnding()).orElse(null);
            boolean problems = delivery.record(report, dialect, rejects.toByteArray(), clock.instant());
            LOG.info(() -> "delivery " + deliveryId + ": " + report.rowsRead() + " rows read, " + report.accepted()
                    + " accepted" + (store.usesCopy() ? " (COPY)" : " (batch)"));
            audit.recordAs(AuditTrail.SYSTEM, "delivery.validated", AUDIT_TYPE, deliveryId, delivery.getInstitutionId(),
                    report.rowsRead() + " read, " + report.accepted() + " accepted, " + report.rejected() + " rejected, "
                            + report.skipped() + " skipped");
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException("reading delivery " + deliveryId, e);
        } catch (SQLException e) {
            throw new IllegalStateException("storing delivery " + deliveryId, e);
        }
    }

    // ----- reader: validations that died or hang (issue 11 finding 3)

    @Inject
    @ConfigProperty(name = "publieksdata.delivery.stuck-minutes", defaultValue = "10")
    int stuckMinutes;

    /**
     * Deliveries waiting for or in validation that showed no sign of life (start, or progress every 20,000
     * rows) for {@code publieksdata.delivery.stuck-minutes}: their validation job is given up, which makes
     * it an incident — on the coordinators' Incidents page with a retry button, and "validation failed" on
     * the delivery's page — instead of "validating" for ever. A job that merely waits for its next retry
     * is no exception: its three retries a minute apart end well within the limit.
     *
     * @return how many validations were given up
     */
    public int giveUpStuckValidations() {
        Instant cutoff = clock.instant().minus(java.time.Duration.ofMinutes(stuckMinutes));
        @SuppressWarnings("unchecked")
        List<Object[]> stuck = em.createNativeQuery("SELECT id, process_instance_id FROM delivery WHERE status IN (?, ?) "
                        + "AND process_instance_id IS NOT NULL AND COALESCE(progress_at, status_since) < ?")
                .setParameter(1, DeliveryStatus.UPLOADED.name()).setParameter(2, DeliveryStatus.VALIDATING.name())
                .setParameter(3, java.sql.Timestamp.from(cutoff)).getResultList();
        int given = 0;
        for (Object[] row : stuck) {
            long id = ((Number) row[0]).longValue();
            String processInstance = (String) row[1];
            if (workflow.giveUpJob(processInstance, "validateDelivery")) {
                given++;
                Long institutionId = find(id).map(Delivery::getInstitutionId).orElse(null);
                LOG.warning(() -> "delivery " + id + ": validation showed no progress for " + stuckMinutes
                        + " minutes; its job is now an incident");
                audit.recordAs(AuditTrail.SYSTEM, "delivery.validationStuck", AUDIT_TYPE, id, institutionId,
                        "no progress for " + stuckMinutes + " minutes: validation job given up (incident)");
            }
        }
        return given;
    }

    /** The validation job created in this transaction starts as soon as it commits (see Workflow#hintJobExecutor). */
    private void hintJobExecutorAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    workflow.hintJobExecutor();
                }
            }
        });
    }

    // ----- the institution resolves problems

    public void remapAndRerun(Long deliveryId, String taskId, ColumnMapping mapping, boolean saveMapping,
                              List<String> headers, String by) {
        Delivery delivery = find(deliveryId).orElseThrow();
        delivery.remap(MappingText.write(mapping), clock.instant());
        if (saveMapping) {
            saveMapping(delivery.getInstitutionId(), headers, mapping, by);
        }
        workflow.complete(taskId, by, Map.of("resolution", "remap"));
        audit.record("delivery.remapped", AUDIT_TYPE, deliveryId, delivery.getInstitutionId(), null);
        hintJobExecutorAfterCommit();
    }

    public void acceptPassingRows(Long deliveryId, String taskId, String by) {
        Delivery delivery = find(deliveryId).orElseThrow();
        if (delivery.getRowsAccepted() == 0) {
            throw new UserFacingException("delivery.problems.nothingPassed");
        }
        delivery.acceptPassingRows(clock.instant());
        workflow.complete(taskId, by, Map.of("resolution", "acceptRows"));
        audit.record("delivery.passingRowsAccepted", AUDIT_TYPE, deliveryId, delivery.getInstitutionId(),
                delivery.getRowsAccepted() + " accepted, " + delivery.getRowsRejected() + " rejected");
    }

    /** The headers of the held file, for the mapping screen of the problems task. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(Long deliveryId) {
        Delivery delivery = find(deliveryId).orElseThrow();
        String file = delivery.heldFile().orElseThrow(() -> new UserFacingException("delivery.problems.fileGone"));
        try (InputStream in = heldFiles().open(file)) {
            Optional<ColumnMapping> mapping = Optional.ofNullable(delivery.getMappingUsed()).map(MappingText::read);
            Preview preview = reader().preview(in, delivery.getFileName(), 5,
                    Optional.ofNullable(delivery.getTicketingSystem()));
            if (mapping.isPresent()) {
                return new Preview(preview.fileName(), preview.format(), preview.dialect(), preview.headers(),
                        MappingDetector.withMapping(preview.headers(), preview.proposal().system(), mapping.get()), preview.rows());
            }
            return preview;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----- coordinator review

    public void accept(Long deliveryId, String taskId, String by) {
        Delivery delivery = find(deliveryId).orElseThrow();
        delivery.accept(clock.instant()).ifPresent(file -> deleteAfterCommit(file, "delivery " + deliveryId + " accepted"));
        workflow.complete(taskId, by, Map.of("deliveryAccepted", true));
        audit.record("delivery.accepted", AUDIT_TYPE, deliveryId, delivery.getInstitutionId(), "held upload deleted");
    }

    public void sendBack(Long deliveryId, String taskId, String comment, String by) {
        if (comment == null || comment.isBlank()) {
            throw new UserFacingException("delivery.review.commentRequired");
        }
        Delivery delivery = find(deliveryId).orElseThrow();
        delivery.sendBack(comment, clock.instant());
        workflow.complete(taskId, by, Map.of("deliveryAccepted", false, "reviewComment", comment.strip()));
        audit.record("delivery.sentBack", AUDIT_TYPE, deliveryId, delivery.getInstitutionId(), comment.strip());
    }

    // ----- retention and withdrawal

    /**
     * Deletes all raw rows and held files of the institution (agreement withdrawn or expired);
     * the deliveries stay as a record of what was received, with their reports. Logged with counts.
     */
    public long deleteRawData(Long institutionId, String reason) {
        long rows = withStore(store -> store.deleteInstitution(institutionId));
        int files = 0;
        for (Delivery d : em.createQuery("select d from Delivery d where d.institutionId = :i and d.rawDeletedAt is null",
                Delivery.class).setParameter("i", institutionId).getResultList()) {
            Optional<String> file = d.rawDataDeleted(clock.instant());
            if (file.isPresent()) {
                files++;
                deleteAfterCommit(file.get(), reason);
            }
            if (d.getStatus().isOpen()) {
                stop(d, reason, clock.instant());
            }
        }
        String institution = institutions.find(institutionId).map(Institution::getName).orElse("institution " + institutionId);
        audit.recordAs(AuditTrail.SYSTEM, "delivery.rawDataDeleted", AUDIT_TYPE, null, institutionId,
                institution + ": " + reason + ": " + rows + " rows, " + files + " held files deleted");
        LOG.info("raw data of institution " + institutionId + " deleted (" + reason + "): " + rows + " rows, " + files + " files");
        return rows;
    }

    /** An open delivery's process is cancelled and it stops: not left "in review" without a task behind it. */
    private void stop(Delivery d, String reason, Instant now) {
        if (d.getProcessInstanceId() != null) {
            workflow.runningInstance(PROCESS, "delivery-" + d.getId()).ifPresent(pi -> workflow.cancel(pi, reason));
        }
        d.stop(now);
    }

    /**
     * The open deliveries waiting for their institution (problems to resolve, an unreadable file to
     * replace): candidates for {@link #stopIfAbandoned}. Ids only, so that each is handled in a
     * transaction of its own and one that fails does not keep the others waiting.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> waitingForTheirInstitution() {
        return em.createQuery("select d.id from Delivery d where d.status in :s and d.rawDeletedAt is null order by d.id", Long.class)
                .setParameter("s", List.of(DeliveryStatus.NEEDS_ATTENTION, DeliveryStatus.REJECTED)).getResultList();
    }

    /**
     * Stops the delivery when it waited for its institution for {@code abandonedDays}: its process is
     * cancelled, its rows and held file deleted, logged. False when it is not (or no longer) due.
     */
    public boolean stopIfAbandoned(long deliveryId) {
        Instant now = clock.instant();
        Delivery d = em.find(Delivery.class, deliveryId);
        if (d == null || d.getRawDeletedAt() != null
                || !(d.getStatus() == DeliveryStatus.NEEDS_ATTENTION || d.getStatus() == DeliveryStatus.REJECTED)
                || d.getStatusSince() == null || !RetentionPolicy.isAbandoned(d.getStatusSince(), abandonedDays, now)) {
            return false;
        }
        stop(d, "no action for " + abandonedDays + " days", now);
        long rows = withStore(store -> store.deleteDelivery(d.getId()));
        boolean file = d.rawDataDeleted(now).map(f -> {
            deleteAfterCommit(f, "delivery " + d.getId() + " abandoned");
            return true;
        }).orElse(false);
        audit.recordAs(AuditTrail.SYSTEM, "delivery.stopped", AUDIT_TYPE, d.getId(), d.getInstitutionId(),
                d.getInstitutionName() + ", " + d.getFileName() + ": no action for " + abandonedDays + " days: "
                        + rows + " rows" + (file ? " and the held file" : "") + " deleted");
        return true;
    }

    /** Validated deliveries whose raw rows still exist: candidates for {@link #deleteRawDataIfExpired}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> validatedWithRawData() {
        return em.createQuery("select d.id from Delivery d where d.status = :s and d.rawDeletedAt is null order by d.id", Long.class)
                .setParameter("s", DeliveryStatus.VALIDATED).getResultList();
    }

    /**
     * Deletes the raw rows of a validated delivery whose retention period under the institution's
     * active agreement has ended. False when it is not (or no longer) due.
     */
    public boolean deleteRawDataIfExpired(long deliveryId) {
        Instant now = clock.instant();
        Delivery d = em.find(Delivery.class, deliveryId);
        if (d == null || d.getRawDeletedAt() != null || d.getStatus() != DeliveryStatus.VALIDATED || d.getValidatedAt() == null) {
            return false;
        }
        Integer months = retentionMonths(d.getInstitutionId());
        if (months == null || !RetentionPolicy.isDue(d.getValidatedAt(), months, now)) {
            return false;
        }
        long rows = withStore(store -> store.deleteDelivery(d.getId()));
        d.rawDataDeleted(now).ifPresent(file -> deleteAfterCommit(file, "retention period over"));
        audit.recordAs(AuditTrail.SYSTEM, "delivery.rawDataDeleted", AUDIT_TYPE, d.getId(), d.getInstitutionId(),
                d.getInstitutionName() + ", " + d.getFileName() + ": retention period of " + months
                        + " months over: " + rows + " rows deleted");
        return true;
    }

    private Integer retentionMonths(Long institutionId) {
        return em.createQuery("select a from Agreement a where a.institutionId = :i and a.status = :s", Agreement.class)
                .setParameter("i", institutionId).setParameter("s", AgreementStatus.ACTIVE).getResultStream()
                .findFirst().map(Agreement::getRetentionMonths).orElse(null);
    }

    // ----- queries

    /** The delivery a task of the delivery process is about (the page has checked the task first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Delivery ofTask(String taskId) {
        Object id = workflow.variables(taskId).get(DELIVERY_ID);
        return find(((Number) id).longValue()).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Delivery> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Delivery.class, id));
    }

    /**
     * Fresh from the database, for the progress bar (the shared cache would show the old progress).
     * In a transaction of its own: refresh needs a managed entity, which a transaction-scoped
     * entity manager only gives inside a transaction.
     */
    public Optional<Delivery> reload(Long id) {
        return find(id).map(d -> {
            em.refresh(d);
            return d;
        });
    }

    public record Filter(Long institutionId, DeliveryStatus status) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> search(Filter filter, int first, int max, String sortField, boolean ascending) {
        String order = switch (sortField == null ? "" : sortField) {
            case "fileName" -> "d.fileName";
            case "status" -> "d.status";
            case "institutionName" -> "d.institutionName";
            case "rowsRead" -> "d.rowsRead";
            default -> "d.uploadedAt";
        };
        return query(filter, "select d from Delivery d", " order by " + order + (ascending ? " asc" : " desc") + ", d.id desc",
                Delivery.class).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Filter filter) {
        return query(filter, "select count(d) from Delivery d", "", Long.class).getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> query(Filter filter, String select, String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.institutionId() != null) {
            where.append(" and d.institutionId = :i");
        }
        if (filter.status() != null) {
            where.append(" and d.status = :s");
        }
        var q = em.createQuery(select + where + order, type);
        if (filter.institutionId() != null) {
            q.setParameter("i", filter.institutionId());
        }
        if (filter.status() != null) {
            q.setParameter("s", filter.status());
        }
        return q;
    }

    // ----- saved mappings

    private Optional<ColumnMapping> savedMapping(Long institutionId, List<String> headers) {
        return em.createQuery("select m from SavedMapping m where m.institutionId = :i and m.headerSignature = :s", SavedMapping.class)
                .setParameter("i", institutionId).setParameter("s", MappingText.signature(headers))
                .getResultStream().findFirst().map(m -> MappingText.read(m.getMapping()))
                .filter(m -> headers.containsAll(m.byHeader().keySet()));
    }

    /**
     * The institution's saved mapping of this number, for {@code ?mapping=<number>} of the API; empty for a
     * number that is not one of the institution's (another institution's mapping is not even confirmed to exist).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ColumnMapping> savedMapping(Long institutionId, long id) {
        return Optional.ofNullable(em.find(SavedMapping.class, id)).filter(m -> m.getInstitutionId().equals(institutionId))
                .map(m -> MappingText.read(m.getMapping()));
    }

    /** The institution's saved mappings, oldest first: what {@code GET /api/v1/mappings} lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SavedMapping> savedMappings(Long institutionId) {
        return em.createQuery("select m from SavedMapping m where m.institutionId = :i order by m.id", SavedMapping.class)
                .setParameter("i", institutionId).getResultList();
    }

    private void saveMapping(Long institutionId, List<String> headers, ColumnMapping mapping, String by) {
        String signature = MappingText.signature(headers);
        Optional<SavedMapping> existing = em.createQuery(
                        "select m from SavedMapping m where m.institutionId = :i and m.headerSignature = :s", SavedMapping.class)
                .setParameter("i", institutionId).setParameter("s", signature).getResultStream().findFirst();
        if (existing.isPresent()) {
            existing.get().replace(MappingText.write(mapping), by, clock.instant());
        } else {
            em.persist(new SavedMapping(institutionId, signature, MappingText.write(mapping), by, clock.instant()));
        }
    }

    /** A mapping preset by name ("ticketmatic", "see-tickets"): the API's ?mapping= parameter. */
    public static Optional<TicketingSystem> preset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (TicketingSystem s : TicketingSystem.values()) {
            if (s.name().equals(key)) {
                return Optional.of(s);
            }
        }
        throw new UnreadableExportException("delivery.upload.unknownPreset", "unknown mapping preset: " + name);
    }

    // ----- plumbing

    @FunctionalInterface
    private interface StoreWork {
        long run(DeliveryRowStore store) throws SQLException;
    }

    private long withStore(StoreWork work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(new DeliveryRowStore(connection));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file is deleted only when the transaction that made it unnecessary has committed. */
    private void deleteAfterCommit(String file, String why) {
        HeldFiles files = heldFiles();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    files.delete(file, why);
                }
            }
        });
    }
}
