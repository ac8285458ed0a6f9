package nl.kunstloc.publieksdata.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import java.util.HashSet;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.security.WorkflowGroups;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.report.entity.ReportStatus;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFiguresJson;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The audience report from request to publication: each public method is one process step or one
 * user action, one transaction (report, process state and audit line commit together). Every user
 * action takes the report id the page stored when it opened and checks again that this user may act on it.
 */
@ApplicationScoped
@Transactional
public class Reports {

    public static final String PROCESS = "audienceReport";
    public static final String REPORT_ID = "reportId";
    static final String AUDIT_TYPE = "report";
    private static final Logger LOG = Logger.getLogger(Reports.class.getName());

    private final ParsedFigures parsedFigures = new ParsedFigures();

    @PersistenceContext
    EntityManager em;

    @Inject
    Deliveries deliveries;

    @Inject
    Institutions institutions;

    @Inject
    Workflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    ReportMails mails;

    @Inject
    ReportComputation computation;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserAccounts accounts;

    @Inject
    Clock clock;

    // ----- process steps

    /**
     * A delivery was accepted: a new version of the institution's report, covering all its accepted
     * deliveries, and its process. Unpublished older versions are superseded (their process stops);
     * the published one stays until the new one is published.
     */
    public AudienceReport request(Long institutionId, String requestedBy) {
        Institution institution = institutions.find(institutionId).orElseThrow();
        List<Long> accepted = acceptedDeliveries(institutionId);
        if (accepted.isEmpty()) {
            throw new IllegalStateException("institution " + institutionId + " has no accepted delivery");
        }
        int next = em.createQuery("select coalesce(max(r.reportVersion), 0) from AudienceReport r where r.institutionId = :i",
                Integer.class).setParameter("i", institutionId).getSingleResult() + 1;
        AudienceReport report = new AudienceReport(institutionId, institution.getName(), next, accepted, requestedBy,
                clock.instant());
        em.persist(report);
        em.flush();
        for (AudienceReport open : em.createQuery("select r from AudienceReport r where r.institutionId = :i and r.id <> :id"
                + " and r.status in :s", AudienceReport.class).setParameter("i", institutionId).setParameter("id", report.getId())
                .setParameter("s", List.of(ReportStatus.DRAFT, ReportStatus.IN_REVIEW, ReportStatus.SENT_BACK,
                        ReportStatus.WITH_DIRECTOR)).getResultList()) {
            open.supersede(report.getId(), clock.instant());
            workflow.runningInstance(PROCESS, businessKey(open)).ifPresent(pi ->
                    workflow.cancel(pi, "superseded by version " + next));
            audit.recordAs(AuditTrail.SYSTEM, "report.superseded", AUDIT_TYPE, open.getId(), institutionId,
                    "version " + open.getReportVersion() + " superseded by version " + next + " before publication");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Workflow.INSTITUTION_ID, institutionId);
        variables.put(Workflow.INSTITUTION_NAME, institution.getName());
        variables.put(REPORT_ID, report.getId());
        report.attachProcess(workflow.start(PROCESS, businessKey(report), variables, requestedBy));
        audit.recordAs(requestedBy, "report.requested", AUDIT_TYPE, report.getId(), institutionId,
                "version " + next + ", deliveries " + report.getDeliveryIds());
        return report;
    }

    static String businessKey(AudienceReport report) {
        return "report-" + report.getId();
    }

    private List<Long> acceptedDeliveries(Long institutionId) {
        return deliveries.search(new Deliveries.Filter(institutionId, DeliveryStatus.VALIDATED), 0, Integer.MAX_VALUE,
                        "uploadedAt", true).stream()
                .sorted(Comparator.comparing(Delivery::getUploadedAt)).map(Delivery::getId).toList();
    }

    /** The accepted rows of the deliveries the report covers: how large its segmentation is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long rowsToSegment(Long reportId) {
        return find(reportId).map(r -> r.deliveryIdList().stream().map(deliveries::find).flatMap(Optional::stream)
                .mapToLong(Delivery::getRowsAccepted).sum()).orElse(0L);
    }

    /** The segmentation job: computes and stores the figures. Idempotent (a re-run replaces them). */
    public void compute(Long reportId) {
        AudienceReport report = lock(reportId);
        if (report.getStatus() != ReportStatus.DRAFT) {
            return; // superseded meanwhile: nothing to compute
        }
        AudienceFigures figures = computation.compute(report.getInstitutionId(), report.deliveryIdList());
        report.recordFigures(AudienceFiguresJson.toJson(figures), figures.model().id(), figures.model().label(),
                clock.instant());
        LOG.info(() -> "report " + reportId + " computed: " + figures.basis().rowsAccepted() + " rows");
        audit.recordAs(AuditTrail.SYSTEM, "report.computed", AUDIT_TYPE, reportId, report.getInstitutionId(),
                "version " + report.getReportVersion() + ", model " + figures.model().label() + ", "
                        + figures.basis().rowsAccepted() + " rows, match rate "
                        + Math.round(figures.basis().matchRate() * 1000) / 10.0 + " %");
    }

    /** The step after the director's approval. */
    public void publish(Long reportId) {
        AudienceReport report = lock(reportId);
        if (report.getStatus() == ReportStatus.PUBLISHED) {
            return;
        }
        for (AudienceReport older : em.createQuery("select r from AudienceReport r where r.institutionId = :i and r.status = :s"
                        + " and r.id <> :id", AudienceReport.class).setParameter("i", report.getInstitutionId())
                .setParameter("s", ReportStatus.PUBLISHED).setParameter("id", reportId).getResultList()) {
            older.supersede(reportId, clock.instant());
        }
        report.publish(clock.instant());
        audit.recordAs(AuditTrail.SYSTEM, "report.published", AUDIT_TYPE, reportId, report.getInstitutionId(),
                "version " + report.getReportVersion() + ", approved by " + report.getApprovedBy());
        mails.published(report);
    }

    /** The timer on the director's task. */
    public void remindDirectors(Long reportId) {
        AudienceReport report = find(reportId).orElseThrow();
        if (report.getStatus() != ReportStatus.WITH_DIRECTOR) {
            return;
        }
        audit.recordAs(AuditTrail.SYSTEM, "report.reminded", AUDIT_TYPE, reportId, report.getInstitutionId(),
                "version " + report.getReportVersion());
        mails.approvalReminder(report);
    }

    // ----- user actions (each re-checks the task and the report the page opened)

    public void approveForDirector(Long reportId, String taskId, String note, String by) {
        AudienceReport report = forTask(reportId, taskId, "reviewReport", by);
        report.approveForDirector(note, by, clock.instant());
        workflow.complete(taskId, by, withText(Map.of("reportApproved", true), "remarks", note));
        audit.record("report.reviewed", AUDIT_TYPE, reportId, report.getInstitutionId(),
                "version " + report.getReportVersion() + " to the director");
        mails.approvalRequested(report);
    }

    public void sendBack(Long reportId, String taskId, String remarks, String by) {
        requireText(remarks, "report.review.remarksRequired");
        AudienceReport report = forTask(reportId, taskId, "reviewReport", by);
        report.sendBack(remarks, by, clock.instant());
        workflow.complete(taskId, by, Map.of("reportApproved", false, "remarks", remarks.strip()));
        audit.record("report.sentBack", AUDIT_TYPE, reportId, report.getInstitutionId(), remarks.strip());
    }

    public void answerRemarks(Long reportId, String taskId, String answer, String by) {
        requireText(answer, "report.remarks.answerRequired");
        AudienceReport report = forTask(reportId, taskId, "answerRemarks", by);
        report.answerRemarks(answer, clock.instant());
        workflow.complete(taskId, by, Map.of("answer", answer.strip()));
        audit.record("report.remarksAnswered", AUDIT_TYPE, reportId, report.getInstitutionId(), answer.strip());
    }

    public void approve(Long reportId, String taskId, String by) {
        AudienceReport report = forTask(reportId, taskId, "approveReport", by);
        report.approve(by, clock.instant());
        audit.record("report.approved", AUDIT_TYPE, reportId, report.getInstitutionId(),
                "version " + report.getReportVersion());
        workflow.complete(taskId, by, Map.of("directorDecision", "approved"));
    }

    public void askQuestions(Long reportId, String taskId, String questions, String by) {
        requireText(questions, "report.approve.questionsRequired");
        AudienceReport report = forTask(reportId, taskId, "approveReport", by);
        report.askQuestions(questions, by, clock.instant());
        workflow.complete(taskId, by, Map.of("directorDecision", "questions", "questions", questions.strip()));
        audit.record("report.questions", AUDIT_TYPE, reportId, report.getInstitutionId(), questions.strip());
    }

    /**
     * The report of the task, checked again: the task still belongs to this report's process, is of the
     * expected kind, and the user acting ({@code by}: the signed-in user the page passes) may work on it, by the
     * roles of their account (TaskPages checked that when the page opened; this is the action's own check, so a
     * changed request parameter on a postback changes nothing).
     */
    private AudienceReport forTask(Long reportId, String taskId, String taskKey, String by) {
        var task = workflow.task(taskId).orElseThrow(() -> new UserFacingException("report.task.gone"));
        AudienceReport report = lock(reportId);
        UserAccount account = accounts.find(by).filter(UserAccount::isEnabled)
                .orElseThrow(() -> new UserFacingException("report.task.gone"));
        Set<String> groups = new HashSet<>();
        for (Role role : account.getRoles()) {
            groups.add(role.isInstitutionRole() ? WorkflowGroups.of(role, account.getInstitutionId()) : role.name());
        }
        boolean sameProcess = task.taskKey().equals(taskKey) && task.processInstanceId().equals(report.getProcessInstanceId());
        boolean allowed = by.equals(task.assignee()) || workflow.candidateGroups(taskId).stream().anyMatch(groups::contains);
        boolean institution = account.getRoles().contains(Role.COORDINATOR)
                || report.getInstitutionId().equals(account.getInstitutionId());
        if (!sameProcess || !allowed || !institution) {
            throw new UserFacingException("report.task.gone");
        }
        return report;
    }

    private static Map<String, Object> withText(Map<String, Object> base, String name, String text) {
        Map<String, Object> variables = new HashMap<>(base);
        if (text != null && !text.isBlank()) {
            variables.put(name, text.strip());
        }
        return variables;
    }

    private static void requireText(String text, String key) {
        if (text == null || text.isBlank()) {
            throw new UserFacingException(key);
        }
    }

    // ----- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AudienceReport> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(AudienceReport.class, id));
    }

    /** The version, if the current user may read it; empty otherwise (the page answers 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AudienceReport> readable(Long id) {
        return find(id).filter(this::mayRead);
    }

    public boolean mayRead(AudienceReport report) {
        return currentUser.isSignedIn() && ReportReaders.mayRead(currentUser.roles(),
                report.getInstitutionId().equals(currentUser.getInstitutionId()), report.getStatus(), report.wasPublished());
    }

    /** The report of a task of the report process (the page has checked the task first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AudienceReport ofTask(String taskId) {
        Object id = workflow.variables(taskId).get(REPORT_ID);
        return find(((Number) id).longValue()).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AudienceFigures figures(AudienceReport report) {
        if (!report.isComputed()) {
            throw new IllegalStateException("report " + report.getId() + " is not computed yet");
        }
        AudienceFigures known = parsedFigures.find(report.getId(), report.getComputedAt());
        if (known != null) {
            return known;
        }
        Object[] stored = em.createQuery("select r.computedAt, r.figures from AudienceReport r where r.id = :id", Object[].class)
                .setParameter("id", report.getId()).getSingleResult();
        AudienceFigures parsed = AudienceFiguresJson.fromJson((String) stored[1]);
        parsedFigures.put(report.getId(), (Instant) stored[0], parsed);
        return parsed;
    }

    /** The versions this user may read: all for coordinators (optionally one institution), else their institution's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AudienceReport> list(Long institutionId) {
        String jpql = "select r from AudienceReport r" + (institutionId == null ? "" : " where r.institutionId = :i")
                + " order by r.institutionName, r.reportVersion desc";
        var q = em.createQuery(jpql, AudienceReport.class);
        if (institutionId != null) {
            q.setParameter("i", institutionId);
        }
        return q.getResultList().stream().filter(this::mayRead).toList();
    }

    /** Every version of one institution, newest first, unfiltered: for process steps and demo data, not for pages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AudienceReport> versions(Long institutionId) {
        return em.createQuery("select r from AudienceReport r where r.institutionId = :i order by r.reportVersion desc",
                AudienceReport.class).setParameter("i", institutionId).getResultList();
    }

    /** Published versions only: the ones whose figures may count for policymakers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AudienceReport> published() {
        return em.createQuery("select r from AudienceReport r where r.status = :s order by r.institutionName",
                AudienceReport.class).setParameter("s", ReportStatus.PUBLISHED).getResultList();
    }

    /**
     * Every version that was ever published, the current ones and those a newer published version replaced: the
     * report periods of the policymakers' trend. Oldest version first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AudienceReport> everPublished() {
        return em.createQuery("select r from AudienceReport r where r.publishedAt is not null order by r.institutionId, r.reportVersion",
                AudienceReport.class).getResultList();
    }

    private AudienceReport lock(Long id) {
        AudienceReport report = em.find(AudienceReport.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            throw new IllegalStateException("no report " + id);
        }
        return report;
    }
}
