package nl.kunstloc.publieksdata.session.control;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;

/** Who looks at sessions: the control classes decide with this, pages build it from the signed-in user. */
public record Viewer(String username, String displayName, Set<Role> roles, Long institutionId) implements Serializable {

    public Viewer {
        roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isCoordinator() {
        return roles.contains(Role.COORDINATOR);
    }
}
