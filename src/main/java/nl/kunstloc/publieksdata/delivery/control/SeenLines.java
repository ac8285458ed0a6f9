package nl.kunstloc.publieksdata.delivery.control;

/**
 * Remembers which order lines were seen, as 64-bit fingerprints in an open-addressing table: a million
 * lines cost 16 MB instead of the ~100 MB of a {@code HashSet<String>}. Two different lines share a
 * fingerprint with a chance of about 1 in 10^10 per million lines; such a line would be reported as a
 * duplicate, which the user can see and question.
 */
final class SeenLines {

    private long[] slots = new long[1 << 12];
    private boolean seenZero;
    private int size;

    /** Adds the line; returns false when it was seen before. */
    boolean add(String line) {
        return add(fingerprint(line));
    }

    /** Adds a line by its {@link #fingerprint}; returns false when it was seen before. */
    boolean add(long h) {
        if (h == 0) {
            boolean first = !seenZero;
            seenZero = true;
            return first;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, h);
    }

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        if (table == slots) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(slots, h);
            }
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    static final char SEPARATOR = '\u001F';

    /** FNV-1a over the UTF-16 units, then a final mix so that nearby lines spread over the table. */
    static long fingerprint(String s) {
        return mix(fold(FNV_OFFSET, s));
    }

    /**
     * {@code fingerprint(String.join("\u001F", values) + ("\u001F" + last))} ({@code last} left out when
     * null), without building that string: the duplicate check runs for every line of an export.
     */
    static long fingerprint(Iterable<String> values, String last) {
        long h = FNV_OFFSET;
        boolean first = true;
        for (String value : values) {
            if (!first) {
                h = (h ^ SEPARATOR) * FNV_PRIME;
            }
            first = false;
            h = fold(h, String.valueOf(value));
        }
        if (last != null) {
            h = (h ^ SEPARATOR) * FNV_PRIME;
            h = fold(h, last);
        }
        return mix(h);
    }

    private static long fold(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
