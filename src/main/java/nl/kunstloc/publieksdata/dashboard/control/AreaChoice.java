package nl.kunstloc.publieksdata.dashboard.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.security.UserAccount;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;

/**
 * The area a person asked for on the municipality view (or its PDF) and the one to compare it with, once checked:
 * both known, both theirs to see ({@link PolicyScope}); a municipality policymaker always compares with the
 * province. One decision for the page and the download, so they cannot drift apart.
 */
public record AreaChoice(String area, String compare) {

    /**
     * @param gm      the requested area, or blank for the person's own (their default)
     * @param compare the requested comparison, or blank for the province
     * @return empty when the person may not see it (the caller answers 404) or has no area at all
     */
    public static Optional<AreaChoice> of(Set<Role> roles, String ownArea, String gm, String compare, PostcodeDirectory directory) {
        String area = blank(gm) ? PolicyScope.defaultArea(roles, ownArea) : gm.strip().toUpperCase(Locale.ROOT);
        if (area == null) {
            return Optional.empty();
        }
        String with = blank(compare) || !PolicyScope.choosesMunicipality(roles, ownArea) ? UserAccount.PROVINCE
                : compare.strip().toUpperCase(Locale.ROOT);
        boolean allowed = known(area, directory) && known(with, directory)
                && PolicyScope.mayView(roles, ownArea, area) && PolicyScope.mayView(roles, ownArea, with);
        return allowed ? Optional.of(new AreaChoice(area, with)) : Optional.empty();
    }

    private static boolean known(String code, PostcodeDirectory directory) {
        return UserAccount.PROVINCE.equals(code) || directory.municipality(code).isPresent();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
