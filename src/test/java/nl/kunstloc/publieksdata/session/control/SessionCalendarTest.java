package nl.kunstloc.publieksdata.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.platform.security.Role;
import nl.kunstloc.publieksdata.session.entity.AudienceKind;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;
import nl.kunstloc.publieksdata.session.entity.SessionAudience;
import nl.kunstloc.publieksdata.session.entity.SessionPlan;
import org.junit.jupiter.api.Test;

/** The .ics as RFC 5545 wants it: what calendar programs are strict about. */
class SessionCalendarTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant START = Instant.parse("2026-03-23T12:30:00Z");

    static KnowledgeSession session(String title, String agenda) {
        return new KnowledgeSession(new SessionPlan(title, "Thema; met, tekens", START, START.plus(Duration.ofHours(3)),
                "Theater aan de Dommel, Boxtel", "https://meet.example.nl/abc", 20, START.minus(Duration.ofDays(7)),
                new SessionAudience(AudienceKind.ALL_INSTITUTIONS, null, Set.of(), EnumSet.of(Role.INSTITUTION_MEMBER)),
                agenda, null), "coordinator@kunstloc.nl", NOW);
    }

    static String ics(KnowledgeSession s, boolean cancelled) {
        return new String(SessionCalendar.of(s, "https://portal.example.nl/session/detail.xhtml?id=7", "pilot@kunstloc.nl",
                NOW.plus(Duration.ofMinutes(90)), cancelled), StandardCharsets.UTF_8);
    }

    @Test
    void anEventWithUtcTimesAStableUidAndCrlfLineEnds() {
        String ics = ics(session("Jongeren en festivals", null), false);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(ics).contains("METHOD:PUBLISH\r\n", "BEGIN:VEVENT\r\n", "UID:session-null@publieksdata.kunstloc.nl\r\n",
                "DTSTART:20260323T123000Z\r\n", "DTEND:20260323T153000Z\r\n", "DTSTAMP:20260302T103000Z\r\n",
                "SEQUENCE:90\r\n", "SUMMARY:Jongeren en festivals\r\n", "STATUS:CONFIRMED\r\n",
                "ORGANIZER;CN=Kunstloc Brabant:mailto:pilot@kunstloc.nl\r\n");
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        String agenda = "Welkom; koffie, thee\nDaarna: het café \u2013 \u00e9\u00e9n lange regel ".repeat(8);
        String ics = ics(session("Coördinatie", agenda), false);
        assertThat(ics).contains("SUMMARY:Coördinatie\r\n", "Thema\\; met\\, tekens", "Welkom\\; koffie\\, thee\\nDaarna");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        // unfolding (remove CRLF + one space) gives the description back, intact in UTF-8
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("het café \u2013 \u00e9\u00e9n lange regel");
        assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(" ")).count()).isGreaterThan(3);
    }

    @Test
    void aCancellationCancelsTheSameEvent() {
        String ics = ics(session("Jongeren en festivals", null), true);
        assertThat(ics).contains("METHOD:CANCEL\r\n", "STATUS:CANCELLED\r\n", "UID:session-null@publieksdata.kunstloc.nl\r\n");
    }

    @Test
    void foldingCountsOctetsNotCharacters() {
        StringBuilder out = new StringBuilder();
        SessionCalendar.line(out, "DESCRIPTION:" + "é".repeat(60));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        assertThat(lines[1]).startsWith(" é");
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + "é".repeat(60) + "\r\n");
    }
}
