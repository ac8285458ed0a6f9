package nl.kunstloc.publieksdata.onboarding.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.onboarding.control.OnboardingWorkflow;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.reference.entity.Municipality;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Coordinator: every institution of the pilot with its status, searchable, and the "invite institution" dialog. */
@Named
@ViewScoped
public class InstitutionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Institutions institutions;

    @Inject
    OnboardingWorkflow onboarding;

    @Inject
    PostcodeDirectory postcodes;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String text;
    private InstitutionStatus status;
    private InstitutionType type;
    private String municipality;

    // the invite dialog
    private String name;
    private InstitutionType newType;
    private String newMunicipality;
    private String contactName;
    private String contactEmail;

    private final LazyDataModel<Institution> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) institutions.count(filter());
        }

        @Override
        public List<Institution> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String field = null;
            boolean ascending = true;
            for (SortMeta meta : sortBy.values()) {
                field = meta.getField();
                ascending = meta.getOrder() != SortOrder.DESCENDING;
            }
            return institutions.search(filter(), first, pageSize, field, ascending);
        }

        @Override
        public String getRowKey(Institution institution) {
            return String.valueOf(institution.getId());
        }
    };

    private Institutions.InstitutionFilter filter() {
        return new Institutions.InstitutionFilter(text, status, type, municipality);
    }

    public void newInvitation() {
        name = contactName = contactEmail = newMunicipality = null;
        newType = null;
    }

    public void invite() {
        try {
            Institution invited = onboarding.invite(name, newType, newMunicipality, contactName, contactEmail, currentUser.getUsername());
            messages.info("onboarding.institutions.invited", invited.getName(), invited.getContactEmail());
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    public void resetFilters() {
        text = municipality = null;
        status = null;
        type = null;
    }

    public String municipalityName(String code) {
        return code == null ? "" : postcodes.municipality(code).map(Municipality::name).orElse(code);
    }

    public List<Municipality> getMunicipalities() {
        return postcodes.municipalities();
    }

    public InstitutionStatus[] getStatuses() { return InstitutionStatus.values(); }
    public InstitutionType[] getTypes() { return InstitutionType.values(); }
    public LazyDataModel<Institution> getList() { return list; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public InstitutionStatus getStatus() { return status; }
    public void setStatus(InstitutionStatus status) { this.status = status; }
    public InstitutionType getType() { return type; }
    public void setType(InstitutionType type) { this.type = type; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public InstitutionType getNewType() { return newType; }
    public void setNewType(InstitutionType newType) { this.newType = newType; }
    public String getNewMunicipality() { return newMunicipality; }
    public void setNewMunicipality(String newMunicipality) { this.newMunicipality = newMunicipality; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
}
