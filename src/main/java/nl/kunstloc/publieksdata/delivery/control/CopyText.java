package nl.kunstloc.publieksdata.delivery.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;

/**
 * The rows of a {@code COPY ... WITH (FORMAT csv)} written straight into UTF-8 bytes: what
 * {@code StringBuilder} + {@code String.getBytes(UTF_8)} made of them, without the text in between (a million
 * rows are 170 MB of it). An unquoted empty field is NULL, a quoted one an empty string; quotes are doubled.
 * Not thread-safe.
 */
final class CopyText {

    private byte[] bytes;
    private int size;

    CopyText(int capacity) {
        bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    void row(long deliveryId, long institutionId, DeliveryRow r) {
        number(deliveryId).comma().number(institutionId).comma().number(r.line()).comma();
        text(r.orderId()).comma();
        text(r.customerPseudonym()).comma();
        date(r.orderDate()).comma();
        text(r.eventId()).comma();
        text(r.eventName()).comma();
        if (r.eventDate() != null) {
            date(r.eventDate());
        }
        comma();
        text(r.venue()).comma();
        text(r.genre()).comma();
        text(r.priceType()).comma();
        BigDecimal price = r.price();
        if (price != null) {
            ascii(price.toPlainString());
        }
        comma().number(r.ticketCount()).comma();
        text(r.salesChannel()).comma();
        text(r.pc4()).comma();
        text(r.municipalityCode()).comma();
        text(r.country()).comma();
        ascii(r.outlier() ? "true" : "false");
        room(1);
        bytes[size++] = '\n';
    }

    private CopyText comma() {
        room(1);
        bytes[size++] = ',';
        return this;
    }

    private CopyText number(long value) {
        if (value < 0) {
            return ascii(Long.toString(value));
        }
        room(20);
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int at = size + digits;
        long v = value;
        do {
            bytes[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        size += digits;
        return this;
    }

    /** {@code LocalDate.toString()}: yyyy-MM-dd for the years 1000-9999, the JDK's own text otherwise. */
    private CopyText date(LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return ascii(date.toString());
        }
        room(10);
        four(year);
        bytes[size++] = '-';
        two(date.getMonthValue());
        bytes[size++] = '-';
        two(date.getDayOfMonth());
        return this;
    }

    private void four(int v) {
        bytes[size++] = (byte) ('0' + v / 1000);
        bytes[size++] = (byte) ('0' + v / 100 % 10);
        bytes[size++] = (byte) ('0' + v / 10 % 10);
        bytes[size++] = (byte) ('0' + v % 10);
    }

    private void two(int v) {
        bytes[size++] = (byte) ('0' + v / 10);
        bytes[size++] = (byte) ('0' + v % 10);
    }

    private CopyText ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** A text field: nothing for null, else quoted with quotes doubled, as UTF-8 ({@code ?} for a lone surrogate, as getBytes). */
    private CopyText text(String value) {
        if (value == null) {
            return this;
        }
        // at most 3 bytes per UTF-16 unit (a pair of units makes 4), plus doubled quotes and the two around
        room(value.length() * 6 + 2);
        bytes[size++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    bytes[size++] = '"';
                }
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    bytes[size++] = (byte) (0xF0 | cp >> 18);
                    bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    bytes[size++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    bytes[size++] = '?';
                }
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        bytes[size++] = '"';
        return this;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
