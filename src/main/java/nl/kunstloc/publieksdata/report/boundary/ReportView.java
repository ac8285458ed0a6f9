package nl.kunstloc.publieksdata.report.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.platform.security.AccessGuard;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;

/**
 * One report version, /report/report.xhtml?id=: the version is fixed when the page opens and checked
 * again by the one action (choosing the reference), which uses the stored id, never a request parameter.
 */
@Named
@ViewScoped
public class ReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Reports reports;

    @Inject
    AccessGuard guard;

    @Inject
    Messages messages;

    private Long id;
    private Long reportId;
    private AudienceReport report;
    private Reference reference = Reference.PROVINCE;
    /** Not kept in the session (replicated between nodes, ADR 15): built again from the cached figures when needed. */
    private transient ReportFiguresModel model;
    private List<AudienceReport> otherVersions;

    public void load() {
        report = reports.readable(id).orElse(null);
        if (!guard.require(report != null && report.isComputed(), "report " + id)) {
            return;
        }
        reportId = report.getId();
        otherVersions = reports.list(report.getInstitutionId()).stream().filter(r -> !r.getId().equals(reportId)).toList();
        build();
    }

    /** The reference select changed: the same version (the stored id), checked again. */
    public void changeReference() {
        report = reports.readable(reportId).orElseThrow(() -> new IllegalStateException("report " + reportId + " no longer readable"));
        build();
    }

    private void build() {
        model = new ReportFiguresModel(reports.figures(report), messages.locale(), reference);
    }

    public List<Reference> getReferences() {
        return List.of(Reference.values());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public AudienceReport getReport() { return report; }
    public Reference getReference() { return reference; }
    public void setReference(Reference reference) { this.reference = reference == null ? Reference.PROVINCE : reference; }
    public ReportFiguresModel getModel() {
        if (model == null && report != null && report.isComputed()) {
            build();
        }
        return model;
    }
    public List<AudienceReport> getOtherVersions() { return otherVersions; }
}
