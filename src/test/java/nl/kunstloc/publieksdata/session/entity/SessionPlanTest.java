package nl.kunstloc.publieksdata.session.entity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.institution.entity.InstitutionType;
import nl.kunstloc.publieksdata.platform.security.Role;
import org.junit.jupiter.api.Test;

class SessionPlanTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant START = NOW.plus(Duration.ofDays(10));
    static final SessionAudience ALL = new SessionAudience(AudienceKind.ALL_INSTITUTIONS, null, Set.of(), EnumSet.of(Role.DIRECTOR));

    static SessionPlan plan(Instant start, Instant end, Instant deadline, String place, String link, int capacity, SessionAudience audience) {
        return new SessionPlan("Titel", "Thema", start, end, place, link, capacity, deadline, audience, null, null);
    }

    @Test
    void aSensiblePlanPasses() {
        assertThatCode(() -> plan(START, START.plusSeconds(3600), START.minusSeconds(3600), "Tilburg", null, 10, ALL).check(NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> plan(START, START.plusSeconds(3600), START, null, "https://meet.example.nl/x", 10, ALL).check(NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void eachMistakeHasItsMessage() {
        Instant end = START.plusSeconds(3600);
        Instant deadline = START.minusSeconds(3600);
        assertThatThrownBy(() -> plan(START, START, deadline, "x", null, 10, ALL).check(NOW)).hasMessageContaining("session.error.times");
        assertThatThrownBy(() -> plan(START, end, START.plusSeconds(1), "x", null, 10, ALL).check(NOW)).hasMessageContaining("session.error.deadlineAfterStart");
        assertThatThrownBy(() -> plan(START, end, NOW.minusSeconds(1), "x", null, 10, ALL).check(NOW)).hasMessageContaining("session.error.deadlineInPast");
        assertThatThrownBy(() -> plan(START, end, deadline, " ", null, 10, ALL).check(NOW)).hasMessageContaining("session.error.placeOrLink");
        assertThatThrownBy(() -> plan(START, end, deadline, null, "javascript:alert(1)", 10, ALL).check(NOW)).hasMessageContaining("session.error.link");
        assertThatThrownBy(() -> plan(START, end, deadline, "x", null, 0, ALL).check(NOW)).hasMessageContaining("session.error.capacity");
        assertThatThrownBy(() -> plan(START, end, deadline, "x", null, 5,
                new SessionAudience(AudienceKind.INSTITUTION_TYPE, null, Set.of(), EnumSet.of(Role.DIRECTOR))).check(NOW))
                .hasMessageContaining("session.error.audienceType");
        assertThatThrownBy(() -> plan(START, end, deadline, "x", null, 5,
                new SessionAudience(AudienceKind.CHOSEN_INSTITUTIONS, null, Set.of(), EnumSet.of(Role.DIRECTOR))).check(NOW))
                .hasMessageContaining("session.error.audienceInstitutions");
        assertThatThrownBy(() -> plan(START, end, deadline, "x", null, 5,
                new SessionAudience(AudienceKind.ALL_INSTITUTIONS, InstitutionType.MUSEUM, Set.of(), EnumSet.of(Role.ADMIN))).check(NOW))
                .hasMessageContaining("session.error.audienceRoles");
    }
}
