package nl.kunstloc.publieksdata.session.entity;

import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.Role;

/**
 * Who is invited: people holding one of {@code roles}, of the institutions the kind names (only
 * active participants of the pilot). Policymakers belong to no institution: when their role is
 * chosen, every policymaker is invited.
 */
public record SessionAudience(AudienceKind kind, InstitutionType type, Set<Long> institutionIds, Set<Role> roles) {

    /** Roles a session can be meant for (coordinators organise; administrators do not take part). */
    public static final Set<Role> INVITABLE = EnumSet.of(Role.INSTITUTION_MEMBER, Role.DIRECTOR, Role.POLICYMAKER);

    public SessionAudience {
        institutionIds = institutionIds == null ? Set.of() : Set.copyOf(institutionIds);
        roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** Is an institution (with this type and status) among the invited ones? */
    public boolean includesInstitution(Long institutionId, InstitutionType institutionType, InstitutionStatus status) {
        if (institutionId == null || status != InstitutionStatus.ACTIVE) {
            return false;
        }
        return switch (kind) {
            case ALL_INSTITUTIONS -> true;
            case INSTITUTION_TYPE -> type == institutionType;
            case CHOSEN_INSTITUTIONS -> institutionIds.contains(institutionId);
        };
    }

    /** Is a person with these roles, of this institution (null: none), invited? */
    public boolean includes(Set<Role> personRoles, Long institutionId, InstitutionType institutionType, InstitutionStatus status) {
        for (Role role : personRoles) {
            if (!roles.contains(role)) {
                continue;
            }
            if (role == Role.POLICYMAKER || includesInstitution(institutionId, institutionType, status)) {
                return true;
            }
        }
        return false;
    }
}
