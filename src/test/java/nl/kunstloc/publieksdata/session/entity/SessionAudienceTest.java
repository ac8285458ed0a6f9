package nl.kunstloc.publieksdata.session.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.institution.entity.InstitutionStatus;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.Role;
import org.junit.jupiter.api.Test;

/** Who is invited: by institution (all, one type, a chosen list; active ones only) and by role. */
class SessionAudienceTest {

    static final Set<Role> MEMBER = EnumSet.of(Role.INSTITUTION_MEMBER);
    static final Set<Role> DIRECTOR = EnumSet.of(Role.DIRECTOR);
    static final Set<Role> POLICYMAKER = EnumSet.of(Role.POLICYMAKER);

    @Test
    void allInstitutionsMeansEveryActiveOneForTheChosenRoles() {
        var audience = new SessionAudience(AudienceKind.ALL_INSTITUTIONS, null, Set.of(), MEMBER);
        assertThat(audience.includes(MEMBER, 1L, InstitutionType.THEATRE, InstitutionStatus.ACTIVE)).isTrue();
        assertThat(audience.includes(MEMBER, 2L, InstitutionType.FESTIVAL, InstitutionStatus.ACTIVE)).isTrue();
        assertThat(audience.includes(MEMBER, 3L, InstitutionType.MUSEUM, InstitutionStatus.ONBOARDING)).as("not yet a participant").isFalse();
        assertThat(audience.includes(DIRECTOR, 1L, InstitutionType.THEATRE, InstitutionStatus.ACTIVE)).as("role not invited").isFalse();
        assertThat(audience.includes(EnumSet.of(Role.DIRECTOR, Role.INSTITUTION_MEMBER), 1L, InstitutionType.THEATRE, InstitutionStatus.ACTIVE)).isTrue();
    }

    @Test
    void oneTypeInvitesOnlyInstitutionsOfThatType() {
        var festivals = new SessionAudience(AudienceKind.INSTITUTION_TYPE, InstitutionType.FESTIVAL, Set.of(), MEMBER);
        assertThat(festivals.includes(MEMBER, 2L, InstitutionType.FESTIVAL, InstitutionStatus.ACTIVE)).isTrue();
        assertThat(festivals.includes(MEMBER, 1L, InstitutionType.THEATRE, InstitutionStatus.ACTIVE)).isFalse();
    }

    @Test
    void aChosenListInvitesOnlyThoseInstitutions() {
        var chosen = new SessionAudience(AudienceKind.CHOSEN_INSTITUTIONS, null, Set.of(7L), EnumSet.of(Role.INSTITUTION_MEMBER, Role.DIRECTOR));
        assertThat(chosen.includes(DIRECTOR, 7L, InstitutionType.MUSEUM, InstitutionStatus.ACTIVE)).isTrue();
        assertThat(chosen.includes(DIRECTOR, 8L, InstitutionType.MUSEUM, InstitutionStatus.ACTIVE)).isFalse();
        assertThat(chosen.includes(MEMBER, null, null, null)).as("no institution").isFalse();
    }

    @Test
    void policymakersAreInvitedByRoleAloneAndOnlyWhenChosen() {
        var withPolicy = new SessionAudience(AudienceKind.INSTITUTION_TYPE, InstitutionType.THEATRE, Set.of(), EnumSet.of(Role.POLICYMAKER));
        assertThat(withPolicy.includes(POLICYMAKER, null, null, null)).isTrue();
        var without = new SessionAudience(AudienceKind.ALL_INSTITUTIONS, null, Set.of(), MEMBER);
        assertThat(without.includes(POLICYMAKER, null, null, null)).isFalse();
        assertThat(without.includes(EnumSet.of(Role.COORDINATOR), null, null, null)).isFalse();
    }
}
