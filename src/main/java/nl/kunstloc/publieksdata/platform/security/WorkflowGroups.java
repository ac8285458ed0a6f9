package nl.kunstloc.publieksdata.platform.security;

/**
 * Names of the candidate groups used in the BPMN files. Institution tasks go to a group that
 * names the institution ({@code institution-42-INSTITUTION_MEMBER}), pilot-wide tasks to a role.
 */
public final class WorkflowGroups {

    private WorkflowGroups() {
    }

    public static String of(Role role, Long institutionId) {
        if (!role.isInstitutionRole()) {
            return role.name();
        }
        return "institution-" + institutionId + "-" + role.name();
    }

    public static String members(Long institutionId) {
        return of(Role.INSTITUTION_MEMBER, institutionId);
    }

    public static String directors(Long institutionId) {
        return of(Role.DIRECTOR, institutionId);
    }

    /** The institution id in an institution group, or null for a role group. */
    public static Long institutionOf(String group) {
        if (group == null || !group.startsWith("institution-")) {
            return null;
        }
        String rest = group.substring("institution-".length());
        int dash = rest.indexOf('-');
        try {
            return Long.valueOf(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
