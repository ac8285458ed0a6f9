package nl.kunstloc.publieksdata.report.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.report.control.Reports;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;

/** The report versions this user may read: every institution's for coordinators, the own institution's otherwise. */
@Named
@ViewScoped
public class ReportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Reports reports;

    @Inject
    CurrentUser currentUser;

    private List<AudienceReport> list;

    public void load() {
        list = reports.list(currentUser.overseesAllInstitutions() ? null : currentUser.getInstitutionId());
    }

    public List<AudienceReport> getList() { return list; }
}
