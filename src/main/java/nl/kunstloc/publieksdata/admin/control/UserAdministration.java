package nl.kunstloc.publieksdata.admin.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.platform.security.UserAccounts;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;

/** What an administrator does to users; each change and its audit line in one transaction. */
@Stateless
public class UserAdministration {

    @Inject
    UserAccounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    PostcodeDirectory directory;

    public UserAccount create(String email, String name, Long institutionId, Set<Role> roles, String password) {
        return create(email, name, institutionId, roles, password, null);
    }

    /** Creates a user; {@code policyArea} is a policymaker's municipality code or the province (UserAccount.PROVINCE). */
    public UserAccount create(String email, String name, Long institutionId, Set<Role> roles, String password, String policyArea) {
        checkInstitution(roles, institutionId);
        UserAccount created;
        try {
            created = accounts.create(email, name, institutionId, roles, password);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("admin.users.invalid");
        }
        assignArea(created, roles, policyArea);
        audit.record("user.create", "user", created.getId(), institutionId, created.getUsername() + " " + roles);
        return created;
    }

    public UserAccount update(Long id, String name, Long institutionId, Set<Role> roles, boolean enabled, String newPassword,
                              String actingAdmin, String policyArea) {
        checkInstitution(roles, institutionId);
        UserAccount user = accounts.findById(id).orElseThrow(() -> new UserFacingException("admin.users.gone"));
        if (user.getUsername().equals(actingAdmin) && (!roles.contains(Role.ADMIN) || !enabled)) {
            throw new UserFacingException("admin.users.keepOwnAdmin");
        }
        try {
            user.rename(name);
            user.changeRoles(roles, institutionId);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("admin.users.invalid");
        }
        assignArea(user, roles, policyArea);
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        if (newPassword != null) {
            accounts.changePassword(user, newPassword);
        }
        audit.record("user.update", "user", user.getId(), institutionId,
                user.getUsername() + " " + roles + (user.getPolicyArea() == null ? "" : " area " + user.getPolicyArea())
                        + (enabled ? "" : " disabled") + (newPassword != null ? " password reset" : ""));
        return user;
    }

    /** Only a policymaker has an area; it must be the province or a municipality of Noord-Brabant. */
    private void assignArea(UserAccount user, Set<Role> roles, String policyArea) {
        String area = roles.contains(Role.POLICYMAKER) ? policyArea : null;
        if (area != null && !area.isBlank() && !UserAccount.PROVINCE.equals(area) && directory.municipality(area).isEmpty()) {
            throw new UserFacingException("admin.users.policyArea.invalid");
        }
        try {
            user.assignPolicyArea(area);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("admin.users.policyArea.invalid");
        }
    }

    private static void checkInstitution(Set<Role> roles, Long institutionId) {
        if (roles.stream().anyMatch(Role::isInstitutionRole) && institutionId == null) {
            throw new UserFacingException("admin.users.institutionNeeded");
        }
    }
}
