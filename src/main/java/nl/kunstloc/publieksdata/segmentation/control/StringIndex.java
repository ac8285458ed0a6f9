package nl.kunstloc.publieksdata.segmentation.control;

import java.util.Arrays;

/**
 * Numbers strings 0, 1, 2, ... in the order they are first seen (open addressing, linear probing, the hash kept
 * beside the key): what {@code HashMap<String, Integer>} did for the customers and orders of a million-row
 * report. The keys' characters are copied into one growing array instead of keeping the strings: the strings
 * a JDBC driver makes for every row die young, and the collector has a few big arrays to keep instead of
 * close to a million small objects. Not thread-safe.
 */
final class StringIndex {

    private char[] chars = new char[1 << 12];
    private int used;
    /** Per slot: where the key's characters start in {@link #chars} (-1: empty slot), its length, hash, number. */
    private int[] starts;
    private int[] lengths;
    private int[] hashes;
    private int[] values;
    private int size;

    StringIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        starts = new int[capacity];
        Arrays.fill(starts, -1);
        lengths = new int[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
    }

    /** The key's number: the one it got when first seen, or {@link #size()} (before the call) when it is new. */
    int indexOf(String key) {
        int h = spread(key.hashCode());
        int length = key.length();
        int mask = starts.length - 1;
        int i = h & mask;
        while (starts[i] >= 0) {
            if (hashes[i] == h && lengths[i] == length && same(starts[i], key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        if (used + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
        }
        key.getChars(0, length, chars, used);
        int index = size++;
        starts[i] = used;
        lengths[i] = length;
        hashes[i] = h;
        values[i] = index;
        used += length;
        if (size * 2 > starts.length) {
            grow();
        }
        return index;
    }

    private boolean same(int start, String key) {
        for (int j = 0; j < key.length(); j++) {
            if (chars[start + j] != key.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldStarts = starts;
        int[] oldLengths = lengths;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        allocate(oldStarts.length * 2);
        int mask = starts.length - 1;
        for (int j = 0; j < oldStarts.length; j++) {
            if (oldStarts[j] >= 0) {
                int i = oldHashes[j] & mask;
                while (starts[i] >= 0) {
                    i = (i + 1) & mask;
                }
                starts[i] = oldStarts[j];
                lengths[i] = oldLengths[j];
                hashes[i] = oldHashes[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
