package nl.kunstloc.publieksdata.report.control;

import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.report.entity.ReportStatus;

/**
 * Who may read which version of a report. A plain rule, so it is tested without a server:
 * <ul>
 *   <li>coordinators: every version of every institution;</li>
 *   <li>members and directors of <em>that</em> institution: the versions that were published (the current
 *       one and the older ones beside it); a director also the version waiting for their approval;</li>
 *   <li>everybody else (policymakers, administrators, other institutions, anonymous): nothing. Policymakers
 *       see aggregates over several institutions elsewhere, never one institution's report.</li>
 * </ul>
 */
public final class ReportReaders {

    private ReportReaders() {
    }

    /**
     * @param roles           the reader's roles
     * @param ownInstitution  whether the reader belongs to the report's institution
     * @param status          the version's status
     * @param wasPublished    whether the version was ever published (a superseded published version stays readable)
     */
    public static boolean mayRead(Set<Role> roles, boolean ownInstitution, ReportStatus status, boolean wasPublished) {
        if (roles.contains(Role.COORDINATOR)) {
            return true;
        }
        if (!ownInstitution) {
            return false;
        }
        boolean member = roles.contains(Role.INSTITUTION_MEMBER);
        boolean director = roles.contains(Role.DIRECTOR);
        if (!member && !director) {
            return false;
        }
        if (wasPublished) {
            return true;
        }
        return director && status == ReportStatus.WITH_DIRECTOR;
    }
}
