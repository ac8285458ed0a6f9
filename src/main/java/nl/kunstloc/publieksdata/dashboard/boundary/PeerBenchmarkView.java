package nl.kunstloc.publieksdata.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.dashboard.control.PeerBenchmark;
import nl.kunstloc.publieksdata.dashboard.control.PublishedFigures;
import nl.kunstloc.publieksdata.dashboard.entity.PeerComparison;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.control.DefaultModel;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;

/**
 * The peer benchmark on the report page ({@code #{peerBenchmark.of(reportView.report)}}, included from
 * WEB-INF/dashboard/peer-benchmark.xhtml): the report page's bean has checked that its reader may read the
 * report; this only adds the comparison, for a published version. Lives here, not in the report feature, so that
 * the report feature does not depend on the dashboards.
 */
@Named("peerBenchmark")
@RequestScoped
public class PeerBenchmarkView {

    @Inject
    PublishedFigures published;

    @Inject
    Reports reports;

    @Inject
    Institutions institutions;

    @Inject
    Messages messages;

    private final Map<Long, PeerComparison> computed = new HashMap<>();

    /** Null when the report is not published or not of the default model (then the page shows nothing). */
    public PeerComparison of(AudienceReport report) {
        if (report == null || !report.wasPublished() || !report.isComputed()) {
            return null;
        }
        return computed.computeIfAbsent(report.getId(), id -> {
            AudienceFigures own = reports.figures(report);
            if (!DefaultModel.CODE.equals(own.model().code())) {
                return null;
            }
            String type = institutions.find(report.getInstitutionId()).map(i -> i.getType() == null ? null : i.getType().name())
                    .orElse(null);
            if (type == null) {
                return null;
            }
            List<PublishedFigures.Slice> peers = published.published().stream()
                    .filter(s -> type.equals(s.institutionType()) && s.institutionId() != report.getInstitutionId()).toList();
            return PeerBenchmark.compare(type, own, peers);
        });
    }

    public String percent(Double share) {
        if (share == null) {
            return messages.text("dashboard.peers.withheld");
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(messages.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(100 * share) + " %";
    }

    public String points(Double difference) {
        if (difference == null) {
            return "—";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(messages.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return (difference > 0 ? "+" : "") + f.format(difference);
    }

    public String getLanguage() {
        return messages.locale().getLanguage();
    }
}
