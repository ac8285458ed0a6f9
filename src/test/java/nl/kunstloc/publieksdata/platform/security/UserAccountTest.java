package nl.kunstloc.publieksdata.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    // the failure count and the lock: SignInBookkeepingTest (they are written in SQL, not on the entity)

    @Test
    void membersAndDirectorsBelongToAnInstitution() {
        assertThatThrownBy(() -> new UserAccount("a@b.nl", "A", null, EnumSet.of(Role.DIRECTOR), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        UserAccount director = new UserAccount("a@b.nl", "A", 42L, EnumSet.of(Role.DIRECTOR), NOW);
        assertThat(director.hasRole(Role.DIRECTOR)).isTrue();
        assertThatThrownBy(() -> director.changeRoles(EnumSet.of(Role.INSTITUTION_MEMBER), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emailIsTheUsernameTrimmedAndLowerCasedAndMustLookLikeOne() {
        assertThat(UserAccount.normaliseEmail("  Carla@KunstLoc.NL ")).isEqualTo("carla@kunstloc.nl");
        assertThatThrownBy(() -> UserAccount.normaliseEmail("carla@kunstloc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserAccount.normaliseEmail("carla kunstloc.nl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserAccount.normaliseEmail(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThatThrownBy(() -> UserAccounts.checkPasswordStrength("kort1")).isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> UserAccounts.checkPasswordStrength("alleenletters")).isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> UserAccounts.checkPasswordStrength("12345678901")).isInstanceOf(WeakPasswordException.class);
        UserAccounts.checkPasswordStrength("demo-2026!");
    }

    @Test
    void workflowGroupsNameTheInstitutionForInstitutionRolesOnly() {
        assertThat(WorkflowGroups.members(7L)).isEqualTo("institution-7-INSTITUTION_MEMBER");
        assertThat(WorkflowGroups.directors(7L)).isEqualTo("institution-7-DIRECTOR");
        assertThat(WorkflowGroups.of(Role.COORDINATOR, 7L)).isEqualTo("COORDINATOR");
        assertThat(WorkflowGroups.institutionOf("institution-7-DIRECTOR")).isEqualTo(7L);
        assertThat(WorkflowGroups.institutionOf("COORDINATOR")).isNull();
    }
}
