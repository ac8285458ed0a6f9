package nl.kunstloc.publieksdata.session.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;
import org.junit.jupiter.api.Test;

/** The queue rules of a session: capacity, waiting list, promotion, deadline, no double registration. */
class KnowledgeSessionTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant START = NOW.plus(Duration.ofDays(21));
    static final Instant DEADLINE = NOW.plus(Duration.ofDays(14));

    static SessionPlan plan(int capacity) {
        return new SessionPlan("Jongeren en festivals", "Samenwerking", START, START.plus(Duration.ofHours(3)),
                "Boxtel", null, capacity, DEADLINE,
                new SessionAudience(AudienceKind.ALL_INSTITUTIONS, null, Set.of(), EnumSet.of(Role.INSTITUTION_MEMBER)),
                null, null);
    }

    static KnowledgeSession session(int capacity) {
        return new KnowledgeSession(plan(capacity), "coordinator@kunstloc.nl", NOW);
    }

    @Test
    void seatsGoFirstThenTheWaitingListInOrderOfRegistration() {
        KnowledgeSession s = session(1);
        assertThat(s.register("a@x.nl", "A", 1L, NOW).getStatus()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(s.register("b@x.nl", "B", 2L, NOW.plusSeconds(60)).getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(s.register("c@x.nl", "C", 3L, NOW.plusSeconds(120)).getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(s.isFull()).isTrue();
        assertThat(s.waitingPosition("b@x.nl")).isEqualTo(1);
        assertThat(s.waitingPosition("c@x.nl")).isEqualTo(2);
        assertThat(s.waitingPosition("a@x.nl")).isZero();
    }

    @Test
    void aCancellationPromotesTheFirstWhoWaits() {
        KnowledgeSession s = session(1);
        s.register("a@x.nl", "A", 1L, NOW);
        s.register("b@x.nl", "B", 2L, NOW.plusSeconds(60));
        s.register("c@x.nl", "C", 3L, NOW.plusSeconds(120));

        var promoted = s.cancelRegistration("a@x.nl", NOW.plusSeconds(300));

        assertThat(promoted).hasValueSatisfying(r -> assertThat(r.getUsername()).isEqualTo("b@x.nl"));
        assertThat(s.participants()).extracting(Registration::getUsername).containsExactly("b@x.nl");
        assertThat(s.waitingList()).extracting(Registration::getUsername).containsExactly("c@x.nl");
        assertThat(s.registrationOf("a@x.nl")).hasValueSatisfying(r -> assertThat(r.getStatus()).isEqualTo(RegistrationStatus.CANCELLED));
    }

    @Test
    void leavingTheWaitingListPromotesNobody() {
        KnowledgeSession s = session(1);
        s.register("a@x.nl", "A", 1L, NOW);
        s.register("b@x.nl", "B", 2L, NOW.plusSeconds(60));
        assertThat(s.cancelRegistration("b@x.nl", NOW.plusSeconds(90))).isEmpty();
        assertThat(s.participants()).extracting(Registration::getUsername).containsExactly("a@x.nl");
    }

    @Test
    void registeringTwiceIsRefusedAndAfterCancellingOneGoesToTheBackOfTheQueue() {
        KnowledgeSession s = session(1);
        s.register("a@x.nl", "A", 1L, NOW);
        s.register("b@x.nl", "B", 2L, NOW.plusSeconds(10));
        assertThatThrownBy(() -> s.register("a@x.nl", "A", 1L, NOW.plusSeconds(20)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("session.error.alreadyRegistered");
        assertThatThrownBy(() -> s.register("b@x.nl", "B", 2L, NOW.plusSeconds(20)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("session.error.alreadyWaiting");

        s.cancelRegistration("a@x.nl", NOW.plusSeconds(30)); // b moves up
        assertThat(s.register("a@x.nl", "A", 1L, NOW.plusSeconds(40)).getStatus()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(s.participants()).extracting(Registration::getUsername).containsExactly("b@x.nl");
    }

    @Test
    void registrationAndCancellationCloseAtTheDeadline() {
        KnowledgeSession s = session(5);
        s.register("a@x.nl", "A", 1L, DEADLINE); // the deadline itself still counts
        assertThatThrownBy(() -> s.register("b@x.nl", "B", 2L, DEADLINE.plusSeconds(1)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("session.error.deadlinePassed");
        assertThatThrownBy(() -> s.cancelRegistration("a@x.nl", DEADLINE.plusSeconds(1)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("session.error.deadlinePassed");
        assertThat(s.participants()).hasSize(1);
    }

    @Test
    void closedOrCancelledSessionsTakeNoRegistrations() {
        KnowledgeSession closed = session(5);
        closed.closeRegistration();
        assertThatThrownBy(() -> closed.register("a@x.nl", "A", 1L, NOW))
                .hasMessageContaining("session.error.deadlinePassed");
        KnowledgeSession cancelled = session(5);
        cancelled.cancel("speaker ill");
        assertThatThrownBy(() -> cancelled.register("a@x.nl", "A", 1L, NOW))
                .hasMessageContaining("session.error.cancelled");
        assertThat(cancelled.getCancelReason()).isEqualTo("speaker ill");
    }

    @Test
    void cancellingWithoutARegistrationSaysSo() {
        assertThatThrownBy(() -> session(2).cancelRegistration("nobody@x.nl", NOW))
                .hasMessageContaining("session.error.notRegistered");
    }

    @Test
    void moreSeatsPromoteThoseWhoWaitAndFewerThanRegisteredAreRefused() {
        KnowledgeSession s = session(1);
        s.register("a@x.nl", "A", 1L, NOW);
        s.register("b@x.nl", "B", 2L, NOW.plusSeconds(1));
        s.register("c@x.nl", "C", 3L, NOW.plusSeconds(2));

        assertThat(s.replan(plan(2), NOW.plusSeconds(5))).extracting(Registration::getUsername).containsExactly("b@x.nl");
        assertThat(s.getWaitingCount()).isEqualTo(1);
        assertThatThrownBy(() -> s.replan(plan(1), NOW.plusSeconds(6)))
                .hasMessageContaining("session.error.capacityBelowRegistered");
    }

    @Test
    void attendanceIsForRegisteredParticipantsAfterTheDeadline() {
        KnowledgeSession s = session(2);
        s.register("a@x.nl", "A", 1L, NOW);
        s.register("b@x.nl", "B", 2L, NOW);
        assertThatThrownBy(() -> s.recordAttendance(Set.of("a@x.nl"))).hasMessageContaining("session.error.notHeldYet");
        s.closeRegistration();
        s.recordAttendance(Set.of("a@x.nl"));
        assertThat(s.attendees()).extracting(Registration::getUsername).containsExactly("a@x.nl");
        assertThat(s.getStatus()).isEqualTo(SessionStatus.HELD);
        assertThatThrownBy(() -> s.writeNotes(" ")).hasMessageContaining("session.error.notesRequired");
        s.writeNotes("Wat we leerden");
        s.markPublished();
        assertThat(s.getStatus()).isEqualTo(SessionStatus.PUBLISHED);
    }

    @Test
    void theReminderIsTwoDaysBeforeTheStart() {
        assertThat(session(3).reminderAt()).isEqualTo(START.minus(Duration.ofDays(2)));
    }
}
