package nl.kunstloc.publieksdata.dashboard.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.dashboard.control.FunnelCounts;
import nl.kunstloc.publieksdata.dashboard.control.PilotOverview;
import nl.kunstloc.publieksdata.dashboard.entity.FunnelStage;
import nl.kunstloc.publieksdata.dashboard.entity.InstitutionProgress;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import nl.kunstloc.publieksdata.workflow.ProcessSummary;
import nl.kunstloc.publieksdata.workflow.Workflow;

/**
 * The institutions behind one number of the funnel ({@code ?stage=&type=&gm=}), each with the timeline of its
 * processes linked to their process pages. Read only: the view has no action.
 */
@Named
@ViewScoped
public class StageInstitutionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PilotOverview overview;

    @Inject
    Workflow workflow;

    @Inject
    PostcodeDirectory directory;

    @Inject
    AccessGuard guard;

    private String stage;
    private String type;
    private String gm;
    private FunnelStage funnelStage;
    private List<InstitutionProgress> institutions;
    private final Map<Long, List<ProcessSummary>> processes = new java.util.HashMap<>();

    /** A stage, type or municipality that does not exist answers 404. */
    public void load() {
        try {
            funnelStage = FunnelStage.valueOf(stage);
            if (type != null && !type.isBlank()) {
                InstitutionType.valueOf(type);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            guard.require(false, "funnel stage " + stage + " type " + type);
            return;
        }
        if (gm != null && !gm.isBlank() && directory.municipality(gm).isEmpty()) {
            guard.require(false, "municipality " + gm);
            return;
        }
        institutions = FunnelCounts.behind(overview.progress(), funnelStage, blankToNull(type), blankToNull(gm));
    }

    public List<ProcessSummary> processes(long institutionId) {
        return processes.computeIfAbsent(institutionId, id -> workflow.processesOfInstitution(id).stream()
                .sorted(java.util.Comparator.comparing(ProcessSummary::started)).toList());
    }

    public String municipalityName(String code) {
        return code == null ? "" : directory.municipality(code).map(Municipality::name).orElse(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public List<InstitutionProgress> getInstitutions() { return institutions; }
    public FunnelStage getFunnelStage() { return funnelStage; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getGm() { return gm; }
    public void setGm(String gm) { this.gm = gm; }
}
