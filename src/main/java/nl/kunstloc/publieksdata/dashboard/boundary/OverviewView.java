package nl.kunstloc.publieksdata.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.kunstloc.publieksdata.dashboard.control.FunnelCounts;
import nl.kunstloc.publieksdata.dashboard.control.PilotOverview;
import nl.kunstloc.publieksdata.dashboard.entity.AttentionItem;
import nl.kunstloc.publieksdata.dashboard.entity.FunnelStage;
import nl.kunstloc.publieksdata.dashboard.entity.InstitutionProgress;
import nl.kunstloc.publieksdata.dashboard.entity.ProcessStatistic;
import nl.kunstloc.publieksdata.dashboard.entity.StepStatistic;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The coordinator's pilot overview: the funnel (filtered by type and municipality, each number a link to the
 * institutions behind it), the attention list with a retry for incidents, and the process statistics.
 */
@Named
@ViewScoped
public class OverviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PilotOverview overview;

    @Inject
    Workflow workflow;

    @Inject
    AuditTrail audit;

    @Inject
    PostcodeDirectory directory;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccessGuard guard;

    @Inject
    Messages messages;

    private String type;
    private String municipality;
    private List<InstitutionProgress> progress;
    private List<AttentionItem> attention;
    private List<ProcessStatistic> statistics;

    /** One number of the funnel and where its link goes. */
    public record FunnelRow(FunnelStage stage, long count, String link) implements Serializable {
    }

    /** One type's row of the funnel per type. */
    public record TypeRow(String type, List<FunnelRow> cells) implements Serializable {
    }

    public List<InstitutionProgress> getProgress() {
        if (progress == null) {
            progress = overview.progress();
        }
        return progress;
    }

    public List<FunnelRow> getFunnel() {
        return row(type, municipality);
    }

    /** The funnel per institution type (within the municipality filter): types with at least one institution. */
    public List<TypeRow> getByType() {
        List<TypeRow> rows = new ArrayList<>();
        for (InstitutionType t : InstitutionType.values()) {
            if (type != null && !type.equals(t.name())) {
                continue;
            }
            List<FunnelRow> cells = row(t.name(), municipality);
            if (cells.get(0).count() > 0) {
                rows.add(new TypeRow(t.name(), cells));
            }
        }
        return rows;
    }

    private List<FunnelRow> row(String forType, String forMunicipality) {
        Map<FunnelStage, Long> counts = FunnelCounts.count(FunnelCounts.filter(getProgress(), forType, forMunicipality));
        return Arrays.stream(FunnelStage.values())
                .map(s -> new FunnelRow(s, counts.get(s), link(s, forType, forMunicipality))).toList();
    }

    static String link(FunnelStage stage, String type, String municipality) {
        return "/dashboard/institutions.xhtml?stage=" + stage.name() + (type == null ? "" : "&type=" + type)
                + (municipality == null ? "" : "&gm=" + municipality);
    }

    public List<AttentionItem> getAttention() {
        if (attention == null) {
            attention = overview.attention(currentUser.getUsername());
        }
        return attention;
    }

    public long count(String kind) {
        AttentionItem.Kind k = AttentionItem.Kind.valueOf(kind);
        return getAttention().stream().filter(a -> a.kind() == k).count();
    }

    public List<AttentionItem.Kind> getAttentionKinds() {
        return List.of(AttentionItem.Kind.values());
    }

    public List<ProcessStatistic> getStatistics() {
        if (statistics == null) {
            statistics = overview.processStatistics();
        }
        return statistics;
    }

    /** Every step of every process in one list (the table sorts and pages it). */
    public List<StepStatistic> getSteps() {
        return getStatistics().stream().flatMap(p -> p.steps().stream()).toList();
    }

    public String getAttentionHint() {
        return messages.text("dashboard.overview.attention.hint", overview.unclaimedDays(),
                nl.kunstloc.publieksdata.dashboard.control.PilotOverview.AGREEMENT_DAYS);
    }

    /** Gives an incident's failed job one more try; only an incident of the list this view shows. */
    public void retry(AttentionItem item) {
        if (!guard.require(currentUser.hasRole(Role.COORDINATOR) && item != null && item.isRetryable()
                && getAttention().stream().anyMatch(a -> Objects.equals(a.jobId(), item.jobId())), "retry")) {
            return;
        }
        workflow.retry(item.jobId());
        audit.record("incident.retry", "process", item.processInstanceId(), item.institutionId(), item.detail());
        messages.info("tasks.incidents.retried");
        attention = null;
    }

    public void refresh() {
        progress = null;
        attention = null;
        statistics = null;
    }

    public void resetFilters() {
        type = null;
        municipality = null;
    }

    public List<InstitutionType> getTypes() {
        return List.of(InstitutionType.values());
    }

    /** The municipalities that have at least one institution. */
    public List<Municipality> getMunicipalities() {
        return getProgress().stream().map(InstitutionProgress::municipalityCode).filter(Objects::nonNull).distinct()
                .map(directory::municipality).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparing(Municipality::name)).toList();
    }

    public String municipalityName(String code) {
        return code == null ? "" : directory.municipality(code).map(Municipality::name).orElse(code);
    }

    /** "2 d 4 h", "3 h 10 min", "45 s". */
    public String duration(java.time.Duration d) {
        if (d == null) {
            return "—";
        }
        if (d.toDays() > 0) {
            return messages.text("dashboard.duration.days", d.toDays(), d.toHoursPart());
        }
        if (d.toHours() > 0) {
            return messages.text("dashboard.duration.hours", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return messages.text("dashboard.duration.minutes", d.toMinutes());
        }
        return messages.text("dashboard.duration.seconds", d.toSecondsPart());
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type == null || type.isBlank() ? null : type; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality == null || municipality.isBlank() ? null : municipality; }
}
