package nl.kunstloc.publieksdata.dashboard.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.dashboard.entity.AttentionItem;
import nl.kunstloc.publieksdata.dashboard.entity.AttentionItem.Kind;
import nl.kunstloc.publieksdata.dashboard.entity.FunnelStage;
import nl.kunstloc.publieksdata.dashboard.entity.InstitutionProgress;
import nl.kunstloc.publieksdata.dashboard.entity.ProcessStatistic;
import nl.kunstloc.publieksdata.dashboard.entity.StepStatistic;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.workflow.InboxQuery;
import nl.kunstloc.publieksdata.workflow.ProcessDurations;
import nl.kunstloc.publieksdata.workflow.WorkTask;
import nl.kunstloc.publieksdata.workflow.Workflow;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The coordinator's pilot at a glance, read in a few queries: where every institution stands (one query
 * over the features' tables), what waits for a coordinator, and how long the steps of each process take
 * (two queries of the engine's history). Read only: this class changes nothing.
 */
@ApplicationScoped
public class PilotOverview {

    /** Agreements ending within this many days are on the attention list. */
    public static final int AGREEMENT_DAYS = 60;
    /** At most this many items of one kind on the attention list (the count says how many there are). */
    public static final int MAX_PER_KIND = 50;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Workflow workflow;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "publieksdata.dashboard.unclaimed-days", defaultValue = "3")
    int unclaimedDays;

    private static final String PROGRESS = """
            SELECT i.id, i.name, i.type, i.municipality_code, i.status,
              EXISTS (SELECT 1 FROM agreement a WHERE a.institution_id = i.id AND a.activated_at IS NOT NULL),
              EXISTS (SELECT 1 FROM delivery d WHERE d.institution_id = i.id),
              EXISTS (SELECT 1 FROM delivery d WHERE d.institution_id = i.id AND d.validated_at IS NOT NULL),
              EXISTS (SELECT 1 FROM audience_report r WHERE r.institution_id = i.id AND r.published_at IS NOT NULL),
              EXISTS (SELECT 1 FROM session_registration s WHERE s.institution_id = i.id AND s.status <> 'CANCELLED')
            FROM institution i ORDER BY i.name""";

    public int unclaimedDays() {
        return unclaimedDays;
    }

    /** Every institution with the steps it reached. */
    public List<InstitutionProgress> progress() {
        List<InstitutionProgress> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PROGRESS);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String status = r.getString(5);
                result.add(new InstitutionProgress(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), status,
                        stages(status, r.getBoolean(6), r.getBoolean(7), r.getBoolean(8), r.getBoolean(9), r.getBoolean(10))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the pilot's progress", e);
        }
        return result;
    }

    /**
     * The steps reached, from the institution's status and what exists of it. Every institution entered the
     * pilot by an invitation or an application; one that answered is past "invited"; one whose profile is being
     * filled in, waits for review or was approved is onboarding (or further).
     */
    static Set<FunnelStage> stages(String status, boolean signed, boolean delivered, boolean validated, boolean published,
                                   boolean sessions) {
        Set<FunnelStage> stages = EnumSet.of(FunnelStage.INVITED);
        if (!"INVITED".equals(status)) {
            stages.add(FunnelStage.APPLIED);
        }
        if (Set.of("ONBOARDING", "SUBMITTED", "ACTIVE").contains(status)) {
            stages.add(FunnelStage.ONBOARDING);
        }
        if (signed) {
            stages.add(FunnelStage.AGREEMENT_SIGNED);
        }
        if (delivered) {
            stages.add(FunnelStage.DATA_DELIVERED);
        }
        if (validated) {
            stages.add(FunnelStage.VALIDATED);
        }
        if (published) {
            stages.add(FunnelStage.REPORT_PUBLISHED);
        }
        if (sessions) {
            stages.add(FunnelStage.IN_SESSIONS);
        }
        return stages;
    }

    /** What waits for a coordinator, by kind, oldest first within a kind. */
    public List<AttentionItem> attention(String coordinator) {
        Instant now = clock.instant();
        List<AttentionItem> items = new ArrayList<>();
        for (WorkTask t : workflow.inbox(new InboxQuery(coordinator, Set.of(), InboxQuery.Scope.ALL, null, null, now,
                InboxQuery.Sort.DUE, true), 0, MAX_PER_KIND)) {
            items.add(task(Kind.OVERDUE_TASK, t, t.due()));
        }
        for (WorkTask t : workflow.unclaimedSince(now.minus(Duration.ofDays(unclaimedDays)), MAX_PER_KIND)) {
            items.add(task(Kind.UNCLAIMED_TASK, t, t.created()));
        }
        workflow.incidents().stream().limit(MAX_PER_KIND).forEach(i -> items.add(new AttentionItem(Kind.INCIDENT,
                i.institutionName() == null ? i.processKey() : i.institutionName(),
                i.activityId() + ": " + i.message(), i.time(), "/tasks/process.xhtml?id=" + i.processInstanceId(), i.jobId(),
                i.institutionId(), i.processInstanceId())));
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        try (Connection c = dataSource.getConnection()) {
            query(c, "SELECT id, institution_name, number, end_date, institution_id FROM agreement WHERE status = 'ACTIVE'"
                    + " AND end_date <= ? ORDER BY end_date", s -> s.setObject(1, today.plusDays(AGREEMENT_DAYS)), r ->
                    items.add(new AttentionItem(Kind.AGREEMENT_ENDING, r.getString(2), r.getString(3),
                            r.getObject(4, LocalDate.class).atStartOfDay(zone).toInstant(),
                            "/agreement/detail.xhtml?id=" + r.getLong(1), null, r.getLong(5), null)));
            query(c, "SELECT id, institution_name, file_name, status_since, institution_id FROM delivery WHERE status = 'IN_REVIEW'"
                    + " ORDER BY status_since", s -> { }, r ->
                    items.add(new AttentionItem(Kind.DELIVERY_REVIEW, r.getString(2), r.getString(3), instant(r.getTimestamp(4)),
                            "/delivery/delivery.xhtml?id=" + r.getLong(1), null, r.getLong(5), null)));
            query(c, "SELECT id, institution_name, report_version, status_since, institution_id FROM audience_report"
                    + " WHERE status = 'IN_REVIEW' ORDER BY status_since", s -> { }, r ->
                    items.add(new AttentionItem(Kind.REPORT_REVIEW, r.getString(2), "v" + r.getInt(3), instant(r.getTimestamp(4)),
                            "/report/report.xhtml?id=" + r.getLong(1), null, r.getLong(5), null)));
            query(c, "SELECT v.email, i.name, v.created_at, v.expires_at, i.id FROM invitation v JOIN institution i"
                    + " ON i.id = v.institution_id WHERE v.used_at IS NULL AND v.revoked_at IS NULL ORDER BY v.created_at",
                    s -> { }, r -> items.add(new AttentionItem(Kind.INVITATION_UNANSWERED, r.getString(2), r.getString(1),
                            instant(r.getTimestamp(3)), "/onboarding/institution.xhtml?id=" + r.getLong(5), null, r.getLong(5),
                            null)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what waits for the coordinator", e);
        }
        return items;
    }

    private static AttentionItem task(Kind kind, WorkTask t, Instant since) {
        return new AttentionItem(kind, t.institutionName() == null ? t.processName() : t.institutionName(), t.name(), since,
                t.pageUrl(), null, t.institutionId(), t.processInstanceId());
    }

    /** Per process: instances running and finished; per step median and slowest, slowest median first. */
    public List<ProcessStatistic> processStatistics() {
        List<ProcessStatistic> result = new ArrayList<>();
        for (ProcessDurations p : workflow.processDurations()) {
            List<StepStatistic> steps = new ArrayList<>();
            for (ProcessDurations.Step s : p.steps()) {
                steps.add(new StepStatistic(p.processKey(), s.activityId(), s.name(), s.durationsMillis().size(),
                        Durations.median(s.durationsMillis()), Durations.slowest(s.durationsMillis()),
                        p.waiting().getOrDefault(s.activityId(), 0L)));
            }
            // a step someone waits in that never finished yet still belongs on the list: it may be the stall
            p.waiting().forEach((activity, n) -> {
                if (steps.stream().noneMatch(s -> s.activityId().equals(activity))) {
                    steps.add(new StepStatistic(p.processKey(), activity, null, 0, null, null, n));
                }
            });
            steps.sort(Comparator.comparing(StepStatistic::median, Comparator.nullsLast(Comparator.reverseOrder())));
            result.add(new ProcessStatistic(p.processKey(), p.processName(), p.running(), p.finished(), steps));
        }
        return result;
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, Binder binder, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(MAX_PER_KIND);
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
