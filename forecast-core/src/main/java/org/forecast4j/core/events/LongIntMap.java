package org.forecast4j.core.events;

import java.util.Arrays;

/**
 * Open-addressing map from {@code long} keys to dense {@code int} indices 0, 1, 2… in insertion order
 * (linear probing, load factor &le; 1/2). Used to map category / item ids to series slots without boxing.
 */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE + 1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private long[] inOrder = new long[16];

    LongIntMap() {
        keys = new long[16];
        Arrays.fill(keys, EMPTY);
        values = new int[16];
        mask = 15;
    }

    /** The index of {@code key}, inserting it with the next index if absent. */
    int indexOf(long key) {
        int i = (int) LongHashSet.mix(key) & mask;
        long[] k = keys;
        while (true) {
            long c = k[i];
            if (c == key) {
                return values[i];
            }
            if (c == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        int idx = size++;
        k[i] = key;
        values[i] = idx;
        if (idx == inOrder.length) {
            inOrder = Arrays.copyOf(inOrder, idx * 2);
        }
        inOrder[idx] = key;
        if (size * 2 > keys.length) {
            rehash();
        }
        return idx;
    }

    int size() {
        return size;
    }

    long keyAt(int index) {
        return inOrder[index];
    }

    private void rehash() {
        long[] oldK = keys;
        int[] oldV = values;
        int cap = oldK.length * 2;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
        for (int j = 0; j < oldK.length; j++) {
            if (oldK[j] != EMPTY) {
                int i = (int) LongHashSet.mix(oldK[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldK[j];
                values[i] = oldV[j];
            }
        }
    }
}
