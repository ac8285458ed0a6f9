package nl.kunstloc.publieksdata.segmentation.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * PostgreSQL's way of {@link DeliveryRowsReader}: the rows come as {@code COPY (SELECT ...) TO STDOUT (FORMAT
 * binary)} and are parsed from their bytes. Through a result set every row cost ten {@code String}s and the
 * driver's own arrays (about 1 s of a 1.9 s segmentation of a million rows, docs/performance.md); here the order
 * id and the pseudonym are hashed straight from their UTF-8 bytes, event, name and genre come from a small cache
 * of the texts already seen, and the PC4 becomes its number without a string.
 *
 * <p>The binary format (PostgreSQL manual, "COPY", "Binary Format"): an 11-byte signature, flags and a header
 * extension; per row a 16-bit field count (-1 ends the data), then per field a 32-bit length (-1 for NULL) and
 * the value: {@code int8} and {@code int4} big-endian, text as UTF-8 (the driver's client encoding).
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int FIELDS = 10;

    private final CopyOut copy;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    private BinaryCopyRows(CopyOut copy) {
        this.copy = copy;
    }

    static long read(CopyManager copyApi, long institutionId, List<Long> deliveryIds,
            AudienceFigureCalculator.Accumulation into) throws SQLException {
        // ids are longs, so they can stand in the statement (COPY takes no parameters)
        String sql = "COPY (SELECT delivery_id, order_id, customer_pseudonym, (order_date - DATE '1970-01-01'), event_id, "
                + "event_name, (event_date - DATE '1970-01-01'), genre, ticket_count, pc4 FROM delivery_row "
                + "WHERE institution_id = " + institutionId + " AND delivery_id IN ("
                + deliveryIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")) TO STDOUT (FORMAT binary)";
        CopyOut copy = copyApi.copyOut(sql);
        try {
            return new BinaryCopyRows(copy).parse(into);
        } catch (IOException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            if (e instanceof IOException) {
                throw new SQLException("unreadable COPY data from PostgreSQL: " + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    private long parse(AudienceFigureCalculator.Accumulation into) throws SQLException, IOException {
        need(SIGNATURE.length + 8);
        if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("no binary COPY signature");
        }
        pos += SIGNATURE.length + 4; // and the flags
        int extension = int32();
        need(extension);
        pos += extension;
        TextCache events = new TextCache();
        TextCache names = new TextCache();
        TextCache genres = new TextCache();
        long rows = 0;
        while (true) {
            need(2);
            short fields = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
            pos += 2;
            if (fields == -1) {
                break;
            }
            if (fields != FIELDS) {
                throw new IOException("a row of " + fields + " fields, expected " + FIELDS);
            }
            long deliveryId = int64Field();
            long orderKey = keyField();
            long customerKey = keyField();
            int orderDay = int32Field(AudienceFigureCalculator.NO_DAY);
            String eventId = textField(events);
            String eventName = textField(names);
            int eventDay = int32Field(AudienceFigureCalculator.NO_DAY);
            String genre = textField(genres);
            int tickets = int32Field(0);
            int pc4 = pc4Field();
            into.add(deliveryId, orderKey, customerKey, orderDay, eventId, eventName, eventDay, genre, tickets, pc4);
            rows++;
        }
        // the end of the COPY: the driver reads the server's completion
        while (copy.readFromCopy() != null) {
            // nothing follows the trailer
        }
        return rows;
    }

    /** Makes sure {@code n} bytes are in the buffer from {@code pos} on, reading further messages as needed. */
    private void need(int n) throws SQLException, IOException {
        while (limit - pos < n) {
            byte[] message = copy.readFromCopy();
            if (message == null) {
                throw new IOException("the COPY data ended in the middle of a row");
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit + message.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, limit + message.length));
            }
            System.arraycopy(message, 0, buf, limit, message.length);
            limit += message.length;
        }
    }

    private int int32() throws SQLException, IOException {
        need(4);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    /** The field's length, its bytes in the buffer at {@code pos}; -1 for NULL. */
    private int field() throws SQLException, IOException {
        int length = int32();
        if (length > 0) {
            need(length);
        }
        return length;
    }

    private long int64Field() throws SQLException, IOException {
        int length = field();
        if (length != 8) {
            throw new IOException("an int8 of " + length + " bytes");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    private int int32Field(int ifNull) throws SQLException, IOException {
        int length = field();
        if (length == -1) {
            return ifNull;
        }
        if (length != 4) {
            throw new IOException("an int4 of " + length + " bytes");
        }
        return int32();
    }

    private long keyField() throws SQLException, IOException {
        int length = field();
        if (length == -1) {
            return AudienceFigureCalculator.NO_KEY;
        }
        long key = AudienceFigureCalculator.key(buf, pos, length);
        pos += length;
        return key;
    }

    private String textField(TextCache cache) throws SQLException, IOException {
        int length = field();
        if (length == -1) {
            return null;
        }
        String text = cache.text(buf, pos, length);
        pos += length;
        return text;
    }

    /** The PC4 ({@code char(4)}, so blank-padded) as its number, -1 when it is not four digits. */
    private int pc4Field() throws SQLException, IOException {
        int length = field();
        if (length == -1) {
            return -1;
        }
        int start = pos;
        int end = pos + length;
        pos = end;
        while (start < end && buf[start] == ' ') {
            start++;
        }
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        if (end - start != 4) {
            return -1;
        }
        int v = 0;
        for (int i = start; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * The texts of one column seen so far, found again by their bytes, so that a row's event or genre costs no new
     * {@code String} (and the calculator's maps find it by its cached hash code). Holds at most {@value #MAX}
     * distinct texts; beyond that a text is made anew each time, which is only slower.
     */
    static final class TextCache {

        static final int MAX = 1 << 13;
        private final byte[][] bytes = new byte[MAX * 2][];
        private final String[] texts = new String[MAX * 2];
        private int size;

        String text(byte[] buf, int offset, int length) {
            int h = 0;
            for (int i = offset, end = offset + length; i < end; i++) {
                h = 31 * h + buf[i];
            }
            int mask = bytes.length - 1;
            for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
                byte[] known = bytes[slot];
                if (known == null) {
                    String text = new String(buf, offset, length, StandardCharsets.UTF_8);
                    if (size < MAX) {
                        bytes[slot] = Arrays.copyOfRange(buf, offset, offset + length);
                        texts[slot] = text;
                        size++;
                    }
                    return text;
                }
                if (known.length == length && Arrays.equals(known, 0, length, buf, offset, offset + length)) {
                    return texts[slot];
                }
            }
        }
    }
}
