package nl.kunstloc.publieksdata.delivery.entity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A row that was not accepted, for the list the institution gets back to fix its export.
 *
 * @param line     row number as a spreadsheet shows it
 * @param problems why, the rejecting problem first
 * @param values   the canonical values as found; the customer id is left out and a valid Dutch
 *                 postcode is shortened to its PC4, so the list carries no personal data
 */
public record RejectedRow(long line, List<ProblemCode> problems, Map<CanonicalField, String> values) {

    public RejectedRow {
        problems = List.copyOf(problems);
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
        if (values.containsKey(CanonicalField.CUSTOMER_ID)) {
            throw new IllegalArgumentException("a rejected row never carries the customer id");
        }
    }
}
