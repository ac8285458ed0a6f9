package nl.kunstloc.publieksdata.agreement.control;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An (X)HTML text with {@code {{name.path}}} placeholders.
 *
 * <p>Deliberately tiny instead of a template engine: the agreement needs substitution only, no loops
 * or logic, and every value is HTML-escaped, so an institution's name cannot inject markup into a
 * legal document. Substitution is a single pass, so a value that itself contains {@code {{...}}} is
 * printed as text and never expanded.
 */
public final class PlaceholderTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*)\\s*}}");

    private final String text;

    public PlaceholderTemplate(String text) {
        this.text = Objects.requireNonNull(text, "text");
        String withoutPlaceholders = PLACEHOLDER.matcher(text).replaceAll("");
        // A typo such as "{{ retention months}}" or a missing brace would otherwise end up in the PDF.
        if (withoutPlaceholders.contains("{{") || withoutPlaceholders.contains("}}")) {
            throw new IllegalArgumentException("the template contains a malformed placeholder near: "
                    + excerptAround(withoutPlaceholders, withoutPlaceholders.contains("{{") ? withoutPlaceholders.indexOf("{{") : withoutPlaceholders.indexOf("}}")));
        }
    }

    /** The names used in the template, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Replaces every placeholder with its HTML-escaped value.
     *
     * @throws UnknownPlaceholderException listing all names that have no value
     */
    public String fill(Map<String, String> values) {
        Set<String> unknown = new TreeSet<>(placeholders());
        unknown.removeAll(values.keySet());
        if (!unknown.isEmpty()) {
            throw new UnknownPlaceholderException(unknown);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 512);
        while (m.find()) {
            String value = Objects.requireNonNull(values.get(m.group(1)), () -> "no value for " + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(escapeHtml(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0 and would make the XHTML unparsable.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String excerptAround(String s, int index) {
        int from = Math.max(0, index - 30);
        int to = Math.min(s.length(), index + 30);
        return "\u2026" + s.substring(from, to).replaceAll("\\s+", " ") + "\u2026";
    }
}
