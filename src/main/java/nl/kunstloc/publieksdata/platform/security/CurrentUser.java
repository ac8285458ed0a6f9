package nl.kunstloc.publieksdata.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The signed-in user of this request, for pages (#{currentUser}) and for access checks. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserAccounts accounts;

    private Optional<UserAccount> account;
    private Set<Role> roles;
    private String rolesOf;

    public boolean isSignedIn() {
        return principal() != null;
    }

    public String getUsername() {
        Principal p = principal();
        return p == null ? "anonymous" : p.getName();
    }

    public Optional<UserAccount> account() {
        if (account == null) {
            account = isSignedIn() ? accounts.find(getUsername()) : Optional.empty();
        }
        return account;
    }

    public String getDisplayName() {
        return account().map(UserAccount::getDisplayName).orElse(getUsername());
    }

    public Long getInstitutionId() {
        return account().map(UserAccount::getInstitutionId).orElse(null);
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    /**
     * Where the user starts after signing in, and where the brand and "home" lead: a coordinator's is the pilot
     * overview, a policymaker's (with no tasks of another role) the municipality view, everyone else's the inbox.
     */
    public String getStartPage() {
        return startPage(roles());
    }

    static String startPage(Set<Role> roles) {
        if (roles.contains(Role.COORDINATOR)) {
            return "/dashboard/overview";
        }
        if (roles.contains(Role.POLICYMAKER) && roles.stream().allMatch(r -> r == Role.POLICYMAKER)) {
            return "/dashboard/municipality";
        }
        return "/tasks/inbox";
    }

    /** For pages: #{currentUser.is('COORDINATOR')}. */
    public boolean is(String role) {
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                return hasRole(r);
            }
        }
        return securityContext.isCallerInRole(role);
    }

    public boolean hasAnyRole(Role... roles) {
        return Arrays.stream(roles).anyMatch(this::hasRole);
    }

    /**
     * The caller's roles, asked of the container once per request and caller (load, issue 15: each
     * {@code isCallerInRole} is a JACC policy evaluation, and a page asked it dozens of times — the menu, and the
     * reports list once per report). Asked again when the caller changes within the request (signing in or out).
     */
    public Set<Role> roles() {
        Principal p = principal();
        String caller = p == null ? null : p.getName();
        if (roles == null || !java.util.Objects.equals(caller, rolesOf)) {
            Set<Role> found = EnumSet.noneOf(Role.class);
            if (caller != null) {
                for (Role r : Role.values()) {
                    if (securityContext.isCallerInRole(r.name())) {
                        found.add(r);
                    }
                }
            }
            roles = java.util.Collections.unmodifiableSet(found);
            rolesOf = caller;
        }
        return roles;
    }

    /**
     * The workflow groups this user works for: their roles, and for institution roles the
     * institution-scoped group, so members of A never see B's tasks.
     */
    public Set<String> workflowGroups() {
        return account().map(UserAccount::workflowGroups).orElse(Set.of());
    }

    /** Coordinators and administrators oversee every institution. */
    public boolean overseesAllInstitutions() {
        return hasAnyRole(Role.COORDINATOR, Role.ADMIN);
    }

    /** May this user see the things of this institution? */
    public boolean mayAccessInstitution(Long institutionId) {
        if (overseesAllInstitutions()) {
            return true;
        }
        return institutionId != null && institutionId.equals(getInstitutionId())
                && hasAnyRole(Role.INSTITUTION_MEMBER, Role.DIRECTOR);
    }

    private Principal principal() {
        return securityContext.getCallerPrincipal();
    }
}
