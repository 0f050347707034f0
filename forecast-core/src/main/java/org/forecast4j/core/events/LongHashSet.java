package org.forecast4j.core.events;

import java.util.Arrays;

/** Open-addressing set of {@code long}s (linear probing, load factor &le; 1/2) for exact distinct counts. */
final class LongHashSet {

    private static final long EMPTY = Long.MIN_VALUE + 1;

    private long[] keys;
    private int mask;
    private int size;

    LongHashSet() {
        keys = new long[8];
        Arrays.fill(keys, EMPTY);
        mask = 7;
    }

    /**
     * MurmurHash3 64-bit finaliser (Appleby): a bijective mix whose low bits depend on all input bits.
     *
     * @param x the key
     * @return the mixed hash
     */
    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** Adds {@code key}; returns true if it was absent. */
    boolean add(long key) {
        if (key == EMPTY) {
            // the sentinel value itself is mapped to a neighbour; an id of Long.MIN_VALUE+1 does not occur in practice
            key = EMPTY + 1;
        }
        int i = (int) mix(key) & mask;
        long[] k = keys;
        while (true) {
            long c = k[i];
            if (c == key) {
                return false;
            }
            if (c == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        k[i] = key;
        size++;
        if (size * 2 > k.length) {
            rehash();
        }
        return true;
    }

    boolean contains(long key) {
        if (key == EMPTY) {
            key = EMPTY + 1;
        }
        int i = (int) mix(key) & mask;
        while (true) {
            long c = keys[i];
            if (c == key) {
                return true;
            }
            if (c == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** Calls {@code action} on each element (order unspecified). */
    void forEach(java.util.function.LongConsumer action) {
        for (long k : keys) {
            if (k != EMPTY) {
                action.accept(k);
            }
        }
    }

    private void rehash() {
        long[] old = keys;
        keys = new long[old.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (long k : old) {
            if (k != EMPTY) {
                int i = (int) mix(k) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
            }
        }
    }
}
