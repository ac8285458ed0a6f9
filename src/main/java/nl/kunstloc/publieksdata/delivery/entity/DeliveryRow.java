package nl.kunstloc.publieksdata.delivery.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One accepted order line, reduced to what the analysis needs: the customer only as a pseudonym, the
 * address only as PC4 and municipality (or only a country for foreign customers).
 *
 * @param line              row number in the export as a spreadsheet shows it (header = 1)
 * @param orderId           the order id as exported; the line number when the export has no order ids
 * @param customerPseudonym keyed hash of the customer id, stable per institution; {@code null} when the
 *                          export has no customer ids (figures are then per visit)
 * @param eventDate         may be {@code null} when the export has no event date
 * @param price             per line as exported, may be {@code null}
 * @param pc4               Dutch PC4, {@code null} for foreign customers
 * @param municipalityCode  CBS code when the PC4 lies in Noord-Brabant, otherwise {@code null}
 * @param ticketCount       negative for a refund, 0 for a zero-ticket line (both kept, left out of the figures)
 * @param country           ISO 3166-1 alpha-2, {@code NL} for Dutch customers (also when the postcode could not be placed)
 * @param outlier           accepted, but unusually many tickets or a high price: worth a second look
 */
public record DeliveryRow(long line, String orderId, String customerPseudonym, LocalDate orderDate, String eventId,
                          String eventName, LocalDate eventDate, String venue, String genre, String priceType,
                          BigDecimal price, int ticketCount, String salesChannel, String pc4, String municipalityCode,
                          String country, boolean outlier) {

    public DeliveryRow {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(country, "country");
        if (pc4 != null && !isPc4(pc4)) {
            throw new IllegalArgumentException("not a PC4: " + pc4);
        }
    }

    /** {@code [1-9]\d{3}}, by hand: a row is made for every accepted line of an export. */
    private static boolean isPc4(String pc4) {
        if (pc4.length() != 4 || pc4.charAt(0) < '1' || pc4.charAt(0) > '9') {
            return false;
        }
        for (int i = 1; i < 4; i++) {
            if (pc4.charAt(i) < '0' || pc4.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
