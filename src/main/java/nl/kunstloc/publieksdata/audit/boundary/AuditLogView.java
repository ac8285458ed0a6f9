package nl.kunstloc.publieksdata.audit.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.platform.audit.AuditEntry;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The audit log for coordinators and administrators: filter by who, what, which object and when. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail audit;

    private String actor;
    private String action;
    private String objectType;
    private String objectId;
    private Long institutionId;
    private LocalDate from;
    private LocalDate until;

    private final LazyDataModel<AuditEntry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) audit.count(filter());
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            boolean newestFirst = sortBy.values().stream().noneMatch(s -> s.getOrder() == SortOrder.ASCENDING);
            return audit.search(filter(), first, pageSize, newestFirst);
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.getId());
        }
    };

    private AuditTrail.AuditFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        return new AuditTrail.AuditFilter(actor, action, objectType, objectId, institutionId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public void reset() {
        actor = action = objectType = objectId = null;
        institutionId = null;
        from = until = null;
    }

    public LazyDataModel<AuditEntry> getEntries() { return entries; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getObjectType() { return objectType; }
    public void setObjectType(String objectType) { this.objectType = objectType; }
    public String getObjectId() { return objectId; }
    public void setObjectId(String objectId) { this.objectId = objectId; }
    public Long getInstitutionId() { return institutionId; }
    public void setInstitutionId(Long institutionId) { this.institutionId = institutionId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getUntil() { return until; }
    public void setUntil(LocalDate until) { this.until = until; }
}
