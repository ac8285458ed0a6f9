package nl.kunstloc.publieksdata.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and times on pages in the user's language and the portal's time zone:
 * {@code #{fmt.dateTime(task.created)}}, {@code #{fmt.date(task.due)}}.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

    @Inject
    Messages messages;

    private final ZoneId zone = ZoneId.systemDefault();

    public String dateTime(Object value) {
        return format(value, "d MMM yyyy HH:mm");
    }

    public String date(Object value) {
        return format(value, "d MMM yyyy");
    }

    public String seconds(Object value) {
        return format(value, "d MMM yyyy HH:mm:ss");
    }

    private String format(Object value, String pattern) {
        TemporalAccessor t;
        if (value == null) {
            return "";
        } else if (value instanceof Instant i) {
            t = i.atZone(zone);
        } else if (value instanceof java.util.Date d) {
            t = d.toInstant().atZone(zone);
        } else if (value instanceof LocalDate d) {
            if (pattern.contains("HH")) {
                pattern = "d MMM yyyy";
            }
            t = d;
        } else if (value instanceof TemporalAccessor other) {
            t = other;
        } else {
            return String.valueOf(value);
        }
        return DateTimeFormatter.ofPattern(pattern, messages.locale()).format(t);
    }
}
