package nl.kunstloc.publieksdata.agreement.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.agreement.control.Agreements;
import nl.kunstloc.publieksdata.agreement.entity.Agreement;
import nl.kunstloc.publieksdata.agreement.entity.AgreementStatus;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * /agreement/agreements.xhtml: coordinators see every agreement, institution people those of their
 * own institution; filter by status, sort, page.
 */
@Named
@ViewScoped
public class AgreementsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Agreements agreements;

    @Inject
    CurrentUser currentUser;

    private AgreementStatus status;
    /** null: all institutions (coordinators); otherwise the user's own. */
    private Long institutionId;
    private boolean allInstitutions;

    private final LazyDataModel<Agreement> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) agreements.count(institutionId, status);
        }

        @Override
        public List<Agreement> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String field = "createdAt";
            boolean ascending = false;
            for (SortMeta meta : sortBy.values()) {
                field = meta.getField();
                ascending = meta.getOrder() == SortOrder.ASCENDING;
            }
            return agreements.search(institutionId, status, field, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(Agreement agreement) {
            return String.valueOf(agreement.getId());
        }

        @Override
        public Agreement getRowData(String rowKey) {
            return agreements.find(Long.valueOf(rowKey)).orElse(null);
        }
    };

    @PostConstruct
    void init() {
        allInstitutions = currentUser.overseesAllInstitutions();
        // somebody of an institution without one sees an empty list, never everybody's
        institutionId = allInstitutions ? null : (currentUser.getInstitutionId() == null ? -1L : currentUser.getInstitutionId());
    }

    public AgreementStatus[] getStatuses() {
        return AgreementStatus.values();
    }

    public String badge(AgreementStatus s) {
        return badgeOf(s);
    }

    static String badgeOf(AgreementStatus s) {
        return switch (s) {
            case ACTIVE -> "ok";
            case AWAITING_DIRECTOR, AWAITING_COORDINATOR, DECLINED -> "overdue";
            default -> "neutral";
        };
    }

    public LazyDataModel<Agreement> getList() { return list; }
    public AgreementStatus getStatus() { return status; }
    public void setStatus(AgreementStatus status) { this.status = status; }
    public boolean isAllInstitutions() { return allInstitutions; }
}
