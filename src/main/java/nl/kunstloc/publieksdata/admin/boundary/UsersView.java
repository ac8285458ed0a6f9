package nl.kunstloc.publieksdata.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.institution.control.Institutions;
import nl.kunstloc.publieksdata.institution.entity.Institution;
import nl.kunstloc.publieksdata.admin.control.UserAdministration;
import nl.kunstloc.publieksdata.platform.security.CurrentUser;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Administration of users: search, create, change roles and institution, disable. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserAccounts accounts;

    @Inject
    Institutions institutions;

    @Inject
    UserAdministration administration;

    @Inject
    Messages messages;

    @Inject
    nl.kunstloc.publieksdata.reference.control.PostcodeDirectory directory;

    @Inject
    CurrentUser currentUser;

    private String text;
    private Role roleFilter;

    // the user being edited (null id: a new one)
    private Long editId;
    private String email;
    private String name;
    private Role[] roles = new Role[0];
    private Long institutionId;
    private String password;
    private boolean enabled = true;
    private String policyArea;

    private final LazyDataModel<UserAccount> users = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) accounts.count(text, roleFilter);
        }

        @Override
        public List<UserAccount> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String field = null;
            boolean ascending = true;
            for (SortMeta meta : sortBy.values()) {
                field = meta.getField();
                ascending = meta.getOrder() != SortOrder.DESCENDING;
            }
            return accounts.search(text, roleFilter, first, pageSize, field, ascending);
        }

        @Override
        public String getRowKey(UserAccount user) {
            return String.valueOf(user.getId());
        }

        @Override
        public UserAccount getRowData(String rowKey) {
            return accounts.findById(Long.valueOf(rowKey)).orElse(null);
        }
    };

    public void newUser() {
        editId = null;
        email = null;
        name = null;
        roles = new Role[0];
        institutionId = null;
        password = null;
        enabled = true;
        policyArea = null;
    }

    public void edit(UserAccount user) {
        editId = user.getId();
        email = user.getUsername();
        name = user.getDisplayName();
        roles = user.getRoles().toArray(new Role[0]);
        institutionId = user.getInstitutionId();
        password = null;
        enabled = user.isEnabled();
        policyArea = user.getPolicyArea();
    }

    /** Saves the dialog; on a mistake the dialog stays open with the message and nothing is saved. */
    public void save() {
        EnumSet<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            chosen.addAll(java.util.Arrays.asList(roles));
        }
        try {
            UserAccount saved = editId == null
                    ? administration.create(email, name, institutionId, chosen, blankToNull(password), blankToNull(policyArea))
                    : administration.update(editId, name, institutionId, chosen, enabled, blankToNull(password),
                            currentUser.getUsername(), blankToNull(policyArea));
            messages.info(editId == null ? "admin.users.created" : "admin.users.saved", saved.getUsername());
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (UserFacingException e) {
            messages.error(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public List<Institution> getInstitutions() {
        return institutions.all();
    }

    public String institutionName(Long id) {
        return id == null ? "" : institutions.find(id).map(Institution::getName).orElse("#" + id);
    }

    /** For a policymaker's area: the province first, then the municipalities of Noord-Brabant. */
    public List<nl.kunstloc.publieksdata.reference.entity.Municipality> getMunicipalities() {
        return directory.municipalities();
    }

    public String areaName(String area) {
        if (area == null) {
            return "";
        }
        return UserAccount.PROVINCE.equals(area) ? messages.text("admin.users.policyArea.province")
                : directory.municipality(area).map(m -> m.name()).orElse(area);
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public LazyDataModel<UserAccount> getUsers() { return users; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Role getRoleFilter() { return roleFilter; }
    public void setRoleFilter(Role roleFilter) { this.roleFilter = roleFilter; }
    public Long getEditId() { return editId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Role[] getRoles() { return roles; }
    public void setRoles(Role[] roles) { this.roles = roles; }
    public Long getInstitutionId() { return institutionId; }
    public void setInstitutionId(Long institutionId) { this.institutionId = institutionId; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isEnabled() { return enabled; }
    public String getPolicyArea() { return policyArea; }
    public void setPolicyArea(String policyArea) { this.policyArea = policyArea; }
    public String getProvince() { return UserAccount.PROVINCE; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
