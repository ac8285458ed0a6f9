package nl.kunstloc.publieksdata.session.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import nl.kunstloc.publieksdata.session.entity.KnowledgeSession;

/**
 * The iCalendar (RFC 5545) file sent with invitations, so a session lands in the invitee's
 * calendar. Written by hand: one event is a few lines, and no library on the build's repository
 * does it smaller. The rules that calendar programs are strict about: CRLF line ends, lines
 * folded at 75 octets (never inside a UTF-8 character), escaped text, times in UTC, a stable UID
 * and a SEQUENCE that grows with every change, so a later mail updates (or cancels) the same event.
 */
public final class SessionCalendar {

    public static final String CONTENT_TYPE_PUBLISH = "text/calendar; charset=UTF-8; method=PUBLISH";
    public static final String CONTENT_TYPE_CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private SessionCalendar() {
    }

    /** The event of a session; {@code cancelled} writes the cancellation of the same event. */
    public static byte[] of(KnowledgeSession session, String detailUrl, String organizerEmail, Instant now, boolean cancelled) {
        String location = session.getPlace() == null ? session.getOnlineLink()
                : session.getOnlineLink() == null ? session.getPlace() : session.getPlace() + " / " + session.getOnlineLink();
        String description = session.getTheme()
                + (session.getAgenda() == null ? "" : "\n\n" + session.getAgenda())
                + "\n\n" + detailUrl;
        long sequence = Math.max(0, Duration.between(session.getCreatedAt(), now).toMinutes());
        return event("session-" + session.getId() + "@publieksdata.kunstloc.nl", (int) Math.min(sequence, Integer.MAX_VALUE),
                session.getTitle(), description, location, detailUrl, organizerEmail,
                session.getStartsAt(), session.getEndsAt(), now, cancelled).getBytes(StandardCharsets.UTF_8);
    }

    static String event(String uid, int sequence, String summary, String description, String location, String url,
                        String organizerEmail, Instant start, Instant end, Instant stamp, boolean cancelled) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Kunstloc Brabant//Ken je publiek! portal//NL");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid);
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(end));
        line(ics, "SUMMARY:" + text(summary));
        if (description != null) {
            line(ics, "DESCRIPTION:" + text(description));
        }
        if (location != null) {
            line(ics, "LOCATION:" + text(location));
        }
        if (url != null) {
            line(ics, "URL:" + url);
        }
        if (organizerEmail != null) {
            line(ics, "ORGANIZER;CN=Kunstloc Brabant:mailto:" + organizerEmail);
        }
        line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets: continuation lines start with one space (RFC 5545 3.1). */
    static void line(StringBuilder out, String contentLine) {
        int octets = 0;
        int limit = 75;
        int i = 0;
        while (i < contentLine.length()) {
            int codePoint = contentLine.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
