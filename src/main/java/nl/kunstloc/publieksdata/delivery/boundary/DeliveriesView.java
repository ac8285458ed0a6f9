package nl.kunstloc.publieksdata.delivery.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.delivery.control.Deliveries;
import nl.kunstloc.publieksdata.delivery.entity.Delivery;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryStatus;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The deliveries: an institution sees its own, the coordinator all, filtered by institution and status. */
@Named
@ViewScoped
public class DeliveriesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Deliveries deliveries;

    @Inject
    Institutions institutions;

    @Inject
    CurrentUser currentUser;

    private Long institutionId;
    private DeliveryStatus status;

    private final LazyDataModel<Delivery> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) deliveries.count(filter());
        }

        @Override
        public List<Delivery> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            return deliveries.search(filter(), first, pageSize, sort == null ? null : sort.getField(),
                    sort != null && sort.getOrder() == SortOrder.ASCENDING);
        }

        @Override
        public String getRowKey(Delivery delivery) {
            return String.valueOf(delivery.getId());
        }
    };

    private Deliveries.Filter filter() {
        Long scope = currentUser.overseesAllInstitutions() ? institutionId : currentUser.getInstitutionId();
        if (scope == null && !currentUser.overseesAllInstitutions()) {
            scope = -1L;
        }
        return new Deliveries.Filter(scope, status);
    }

    public boolean isCoordinator() {
        return currentUser.overseesAllInstitutions();
    }

    public List<Institution> getInstitutions() {
        return institutions.all();
    }

    public DeliveryStatus[] getStatuses() {
        return DeliveryStatus.values();
    }

    public String badge(DeliveryStatus s) {
        return switch (s) {
            case VALIDATED -> "ok";
            case NEEDS_ATTENTION, REJECTED -> "overdue";
            default -> "neutral";
        };
    }

    public void resetFilters() {
        institutionId = null;
        status = null;
    }

    public LazyDataModel<Delivery> getList() { return list; }
    public Long getInstitutionId() { return institutionId; }
    public void setInstitutionId(Long institutionId) { this.institutionId = institutionId; }
    public DeliveryStatus getStatus() { return status; }
    public void setStatus(DeliveryStatus status) { this.status = status; }
}
