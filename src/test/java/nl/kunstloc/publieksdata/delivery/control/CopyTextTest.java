package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import org.junit.jupiter.api.Test;

/**
 * The COPY rows written straight as UTF-8 bytes are the bytes of the text the store wrote before: fields joined
 * by commas, text quoted with quotes doubled, null as nothing, dates as {@code LocalDate.toString()},
 * {@code String.getBytes(UTF_8)} (which writes {@code ?} for a lone surrogate).
 */
class CopyTextTest {

    private static final String ALPHABET = "aZ09 ,;\"'\n\r\t\\€éÖßçĳ中\uD83C\uDFAD\uD800\uDFFF-";

    @Test
    void writesTheBytesOfTheTextRule() {
        Random random = new Random(5);
        CopyText out = new CopyText(16); // small, so that it grows too
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            DeliveryRow row = new DeliveryRow(random.nextInt(3) == 0 ? Long.MAX_VALUE - i : i, text(random, false),
                    text(random, true), day(random), text(random, true), text(random, true),
                    random.nextBoolean() ? null : day(random), text(random, true), text(random, true), text(random, true),
                    price(random), random.nextInt(200) - 100, text(random, true), random.nextBoolean() ? null : "5038",
                    random.nextBoolean() ? null : "GM0855", "NL", random.nextBoolean());
            long delivery = random.nextInt(1000);
            out.row(delivery, 7, row);
            expected.append(reference(delivery, 7, row));
        }
        byte[] written = Arrays.copyOf(out.bytes(), out.size());
        assertThat(written).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Random random, boolean nullable) {
        if (nullable && random.nextInt(4) == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(10);
        for (int j = 0; j < length; j++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static LocalDate day(Random random) {
        int pick = random.nextInt(20);
        return pick == 0 ? LocalDate.of(10_000 + random.nextInt(5), 1, 1) : pick == 1 ? LocalDate.of(999, 12, 31)
                : LocalDate.ofEpochDay(7000 + random.nextInt(40_000));
    }

    private static BigDecimal price(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> BigDecimal.valueOf(random.nextInt(100_000), 2);
            case 2 -> BigDecimal.valueOf(-random.nextInt(100_000), 2);
            case 3 -> new BigDecimal("1E+3");
            default -> BigDecimal.valueOf(random.nextInt(100));
        };
    }

    /** The rule itself, as text. */
    private static String reference(long deliveryId, long institutionId, DeliveryRow r) {
        StringBuilder out = new StringBuilder();
        out.append(deliveryId).append(',').append(institutionId).append(',').append(r.line()).append(',');
        quoted(out, r.orderId()).append(',');
        quoted(out, r.customerPseudonym()).append(',');
        out.append(r.orderDate()).append(',');
        quoted(out, r.eventId()).append(',');
        quoted(out, r.eventName()).append(',');
        if (r.eventDate() != null) {
            out.append(r.eventDate());
        }
        out.append(',');
        quoted(out, r.venue()).append(',');
        quoted(out, r.genre()).append(',');
        quoted(out, r.priceType()).append(',');
        if (r.price() != null) {
            out.append(r.price().toPlainString());
        }
        out.append(',').append(r.ticketCount()).append(',');
        quoted(out, r.salesChannel()).append(',');
        quoted(out, r.pc4()).append(',');
        quoted(out, r.municipalityCode()).append(',');
        quoted(out, r.country()).append(',');
        return out.append(r.outlier()).append('\n').toString();
    }

    private static StringBuilder quoted(StringBuilder out, String value) {
        return value == null ? out : out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
