package nl.kunstloc.publieksdata.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * load: the signed-in user's roles are asked of the container once per request (each question is a JACC policy
 * evaluation; a reports list asked it once per report, issue 15), and asked again when the caller changes within the
 * request (signing in or out), so no page ever answers with another caller's roles.
 */
class CurrentUserRolesTest {

    final SecurityContext security = mock(SecurityContext.class);
    final CurrentUser user = new CurrentUser();

    CurrentUserRolesTest() {
        user.securityContext = security;
    }

    void signedInAs(String name, Role... roles) {
        Principal principal = () -> name;
        when(security.getCallerPrincipal()).thenReturn(principal);
        when(security.isCallerInRole(anyString())).thenReturn(false);
        for (Role r : roles) {
            when(security.isCallerInRole(r.name())).thenReturn(true);
        }
    }

    @Test
    void aDirectorIsADirectorAndNothingElseHoweverOftenAPageAsks() {
        signedInAs("directie@dommeltheater.nl", Role.DIRECTOR);
        for (int i = 0; i < 50; i++) {
            assertThat(user.hasRole(Role.DIRECTOR)).isTrue();
            assertThat(user.is("DIRECTOR")).isTrue();
            assertThat(user.is("COORDINATOR")).isFalse();
            assertThat(user.overseesAllInstitutions()).isFalse();
            assertThat(user.roles()).containsExactly(Role.DIRECTOR);
        }
        verify(security, times(1)).isCallerInRole("DIRECTOR");
        verify(security, atMost(1)).isCallerInRole("COORDINATOR");
    }

    @Test
    void aCallerWhoSignsInWithinTheRequestGetsTheirOwnRolesNotTheAnonymousOnes() {
        when(security.getCallerPrincipal()).thenReturn(null);
        assertThat(user.roles()).isEmpty();
        assertThat(user.hasRole(Role.COORDINATOR)).isFalse();

        signedInAs("coordinator@kunstloc.nl", Role.COORDINATOR);
        assertThat(user.hasRole(Role.COORDINATOR)).isTrue();
        assertThat(user.roles()).isEqualTo(Set.of(Role.COORDINATOR));

        signedInAs("beleid@eindhoven.nl", Role.POLICYMAKER);
        assertThat(user.hasRole(Role.COORDINATOR)).isFalse();
        assertThat(user.roles()).isEqualTo(Set.of(Role.POLICYMAKER));
    }

    @Test
    void aRoleNameThatIsNotOneOfOursIsStillAskedOfTheContainer() {
        signedInAs("beheer@kunstloc.nl", Role.ADMIN);
        when(security.isCallerInRole("payara-admin")).thenReturn(true);
        assertThat(user.is("payara-admin")).isTrue();
    }
}
