package nl.kunstloc.publieksdata.dashboard.control;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A process's variables as a reader wants them: a label in their language instead of the variable name, the
 * value formatted (dates in the reader's time zone, without a time when it is midnight there; yes/no; the
 * meaning of a decision), and ids as links to the agreement, delivery, report, session or institution they name.
 * Texts: {@code workflow.variable.<name>} for the label, {@code workflow.variable.<name>.<value>} for a coded value;
 * without a text a label is made from the name ("renewalReminderDate" becomes "Renewal reminder date").
 */
public final class ProcessFacts {

    /** Variables that are plumbing, or shown elsewhere on the page (the institution's name is in the title). */
    static final Set<String> HIDDEN = Set.of("initiator", "institutionName");

    /** Ids and the page that shows the thing they name. */
    static final Map<String, String> LINKS = Map.of(
            "agreementId", "/agreement/detail.xhtml?id=",
            "renewalOf", "/agreement/detail.xhtml?id=",
            "deliveryId", "/delivery/delivery.xhtml?id=",
            "reportId", "/report/report.xhtml?id=",
            "sessionId", "/session/detail.xhtml?id=",
            "institutionId", "/onboarding/institution.xhtml?id=");

    private ProcessFacts() {
    }

    /** One line of the process data. {@code link} is relative to the context root, or null. */
    public record Fact(String name, String label, String value, String link) {
    }

    /**
     * @param variables the process variables by name (sorted as the page should show them)
     * @param text      a text of the portal by key, empty when there is none
     */
    public static List<Fact> of(Map<String, Object> variables, Function<String, Optional<String>> text, Locale locale,
                                ZoneId zone) {
        List<Fact> facts = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (HIDDEN.contains(name)) {
                return;
            }
            String label = text.apply("workflow.variable." + name).orElseGet(() -> humanise(name));
            String link = LINKS.containsKey(name) && value instanceof Number n ? LINKS.get(name) + n.longValue() : null;
            String shown;
            if ("institutionId".equals(name) && variables.get("institutionName") != null) {
                shown = String.valueOf(variables.get("institutionName"));
            } else if (link != null) {
                shown = text.apply("workflow.variable." + name + ".value").map(t -> t.replace("{0}", String.valueOf(value)))
                        .orElse("#" + value);
            } else {
                shown = value(name, value, text, locale, zone);
            }
            facts.add(new Fact(name, label, shown, link));
        });
        return facts;
    }

    static String value(String name, Object value, Function<String, Optional<String>> text, Locale locale, ZoneId zone) {
        if (value == null) {
            return "—";
        }
        if (value instanceof java.util.Date d) {
            return moment(d.toInstant(), locale, zone);
        }
        if (value instanceof Instant i) {
            return moment(i, locale, zone);
        }
        if (value instanceof LocalDate d) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(d);
        }
        if (value instanceof Boolean b) {
            return text.apply("workflow.variable." + name + "." + b)
                    .or(() -> text.apply(b ? "dashboard.value.yes" : "dashboard.value.no")).orElse(b ? "yes" : "no");
        }
        if (value instanceof Number n) {
            return NumberFormat.getIntegerInstance(locale).format(n);
        }
        String s = String.valueOf(value);
        Optional<String> coded = text.apply("workflow.variable." + name + "." + s);
        if (coded.isPresent()) {
            return coded.get();
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** A date and time in the reader's zone; only the date when it is midnight there (a due date, an end date). */
    static String moment(Instant instant, Locale locale, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        String pattern = local.toLocalTime().equals(LocalTime.MIDNIGHT) ? "d MMMM yyyy" : "d MMMM yyyy HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).format(local);
    }

    /** "renewalReminderDate" → "Renewal reminder date". */
    static String humanise(String name) {
        String spaced = name.replace('_', ' ').replace('.', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
