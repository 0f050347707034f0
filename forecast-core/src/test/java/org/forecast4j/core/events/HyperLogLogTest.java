package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HyperLogLogTest {

    @Test
    void estimate_largeCardinalities_withinFourStandardErrors() {
        // Theory (Flajolet et al. 2007): relative standard error 1.04/sqrt(m); 4 SE bounds a single trial
        SplittableRandom r = new SplittableRandom(11);
        for (int p : new int[] {10, 12, 14}) {
            for (int n : new int[] {1_000, 50_000, 400_000}) {
                HyperLogLog h = new HyperLogLog(p);
                for (int i = 0; i < n; i++) {
                    h.add(r.nextLong());
                }
                double se = HyperLogLog.relativeStandardError(p);
                assertEquals(n, h.estimate(), 4 * se * n, "p=" + p + " n=" + n);
            }
        }
    }

    @Test
    void estimate_duplicatesDoNotCount_andEmptyIsZero() {
        HyperLogLog h = new HyperLogLog(12);
        assertEquals(0.0, h.estimate(), 0.0);
        for (int rep = 0; rep < 50; rep++) {
            for (long i = 0; i < 100; i++) {
                h.add(i);
            }
        }
        // linear-counting range: 100 distinct among 4096 registers is estimated almost exactly
        assertEquals(100, h.estimate(), 3);
    }

    @Test
    void merge_equalsSketchOfUnion() {
        HyperLogLog a = new HyperLogLog(12);
        HyperLogLog b = new HyperLogLog(12);
        HyperLogLog u = new HyperLogLog(12);
        for (long i = 0; i < 30_000; i++) {
            (i % 3 == 0 ? a : b).add(i);
            u.add(i);
        }
        a.merge(b);
        assertEquals(u.estimate(), a.estimate(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> a.merge(new HyperLogLog(10)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HyperLogLog(3));
        assertEquals("precision must be in [4, 18], got 3", e.getMessage());
    }

    @Property(tries = 30)
    void estimate_neverNegativeAndMonotoneUnderAdds(@ForAll @IntRange(min = 0, max = 5000) int n) {
        HyperLogLog h = new HyperLogLog(8);
        double last = 0;
        for (long i = 0; i < n; i++) {
            h.add(i * 7919);
            if (i % 500 == 0) {
                double e = h.estimate();
                assertTrue(e >= 0);
                // registers only grow, so the raw estimate cannot decrease by more than the small-range switch
                assertTrue(e >= last * 0.9, e + " < " + last);
                last = e;
            }
        }
    }
}
