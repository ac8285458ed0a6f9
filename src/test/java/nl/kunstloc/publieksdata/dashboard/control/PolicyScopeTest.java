package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;
import org.junit.jupiter.api.Test;

class PolicyScopeTest {

    static final Set<Role> POLICYMAKER = EnumSet.of(Role.POLICYMAKER);

    @Test
    void aMunicipalityPolicymakerSeesTheirMunicipalityAndTheProvinceOnly() {
        assertThat(PolicyScope.mayView(POLICYMAKER, "GM0772", "GM0772")).isTrue();
        assertThat(PolicyScope.mayView(POLICYMAKER, "GM0772", "PV30")).isTrue();
        assertThat(PolicyScope.mayView(POLICYMAKER, "GM0772", "GM0855")).isFalse();
        assertThat(PolicyScope.choosesMunicipality(POLICYMAKER, "GM0772")).isFalse();
        assertThat(PolicyScope.defaultArea(POLICYMAKER, "GM0772")).isEqualTo("GM0772");
    }

    @Test
    void aProvincePolicymakerAndACoordinatorSeeAnyMunicipality() {
        assertThat(PolicyScope.mayView(POLICYMAKER, "PV30", "GM0855")).isTrue();
        assertThat(PolicyScope.choosesMunicipality(POLICYMAKER, "PV30")).isTrue();
        assertThat(PolicyScope.mayView(EnumSet.of(Role.COORDINATOR), null, "GM0855")).isTrue();
        assertThat(PolicyScope.defaultArea(EnumSet.of(Role.COORDINATOR), null)).isEqualTo("PV30");
    }

    @Test
    void aPolicymakerWithoutAnAreaAndOtherRolesSeeNothing() {
        assertThat(PolicyScope.mayView(POLICYMAKER, null, "PV30")).isFalse();
        assertThat(PolicyScope.defaultArea(POLICYMAKER, null)).isNull();
        assertThat(PolicyScope.mayView(EnumSet.of(Role.INSTITUTION_MEMBER, Role.DIRECTOR, Role.ADMIN), "PV30", "GM0772")).isFalse();
    }
}
