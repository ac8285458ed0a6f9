package nl.kunstloc.publieksdata.session.entity;

import java.net.URI;
import java.time.Instant;
import nl.kunstloc.publieksdata.platform.web.UserFacingException;

/**
 * What the coordinator fills in on the planning page. {@link #check(Instant)} refuses a plan that
 * cannot work, with a message that says what to change.
 */
public record SessionPlan(String title, String theme, Instant startsAt, Instant endsAt, String place, String onlineLink,
                          int capacity, Instant registrationDeadline, SessionAudience audience, String agenda,
                          String findings) {

    public static final int MAX_CAPACITY = 1000;

    public SessionPlan {
        title = trim(title);
        theme = trim(theme);
        place = trim(place);
        onlineLink = trim(onlineLink);
        agenda = trim(agenda);
        findings = trim(findings);
    }

    /** Refuses what cannot be planned; {@code now} decides whether the deadline still lies ahead. */
    public void check(Instant now) {
        if (title == null || title.length() > 200) {
            throw new UserFacingException("session.error.title");
        }
        if (theme == null || theme.length() > 200) {
            throw new UserFacingException("session.error.theme");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new UserFacingException("session.error.times");
        }
        if (registrationDeadline == null || registrationDeadline.isAfter(startsAt)) {
            throw new UserFacingException("session.error.deadlineAfterStart");
        }
        if (!registrationDeadline.isAfter(now)) {
            throw new UserFacingException("session.error.deadlineInPast");
        }
        if (place == null && onlineLink == null) {
            throw new UserFacingException("session.error.placeOrLink");
        }
        if (onlineLink != null && !isWebLink(onlineLink)) {
            throw new UserFacingException("session.error.link");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new UserFacingException("session.error.capacity", MAX_CAPACITY);
        }
        if (audience == null || audience.kind() == null) {
            throw new UserFacingException("session.error.audience");
        }
        if (audience.kind() == AudienceKind.INSTITUTION_TYPE && audience.type() == null) {
            throw new UserFacingException("session.error.audienceType");
        }
        if (audience.kind() == AudienceKind.CHOSEN_INSTITUTIONS && audience.institutionIds().isEmpty()) {
            throw new UserFacingException("session.error.audienceInstitutions");
        }
        if (audience.roles().isEmpty() || !SessionAudience.INVITABLE.containsAll(audience.roles())) {
            throw new UserFacingException("session.error.audienceRoles");
        }
        if (agenda != null && agenda.length() > 10000 || findings != null && findings.length() > 4000) {
            throw new UserFacingException("session.error.tooLong");
        }
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && link.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
