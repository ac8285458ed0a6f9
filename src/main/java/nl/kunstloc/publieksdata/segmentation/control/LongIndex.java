package nl.kunstloc.publieksdata.segmentation.control;

import java.util.Arrays;

/**
 * Numbers 64-bit keys 0, 1, 2, ... in the order they are first seen (open addressing, linear probing): the
 * customers and orders of a million-row report, by the 64-bit hash of their pseudonym and order id
 * ({@link AudienceFigureCalculator#key}), so that no string is made or compared per row. Not thread-safe.
 */
final class LongIndex {

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;

    LongIndex(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
    }

    /** The key's number: the one it got when first seen, or {@link #size()} (before the call) when it is new. */
    int indexOf(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        int index = size++;
        used[i] = true;
        keys[i] = key;
        values[i] = index;
        if (size * 2 > keys.length) {
            grow();
        }
        return index;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = mix(oldKeys[j]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
