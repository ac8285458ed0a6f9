package nl.kunstloc.publieksdata.dashboard.control;

import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;

/**
 * Which areas a person may see on the municipality view: coordinators any; a province policymaker any
 * municipality and the province; a municipality policymaker their municipality and the province totals; a
 * policymaker without an area (not set yet by an administrator) nothing.
 */
public final class PolicyScope {

    private PolicyScope() {
    }

    public static boolean mayView(Set<Role> roles, String ownArea, String area) {
        if (area == null) {
            return false;
        }
        if (roles.contains(Role.COORDINATOR)) {
            return true;
        }
        if (!roles.contains(Role.POLICYMAKER) || ownArea == null) {
            return false;
        }
        return UserAccount.PROVINCE.equals(ownArea) || UserAccount.PROVINCE.equals(area) || ownArea.equals(area);
    }

    /** Whether the person may choose among municipalities (else they see only their own and the province). */
    public static boolean choosesMunicipality(Set<Role> roles, String ownArea) {
        return roles.contains(Role.COORDINATOR) || (roles.contains(Role.POLICYMAKER) && UserAccount.PROVINCE.equals(ownArea));
    }

    /** The area shown when none is asked for: one's own municipality, else the province. */
    public static String defaultArea(Set<Role> roles, String ownArea) {
        if (roles.contains(Role.POLICYMAKER) && ownArea != null) {
            return ownArea;
        }
        return roles.contains(Role.COORDINATOR) ? UserAccount.PROVINCE : null;
    }
}
